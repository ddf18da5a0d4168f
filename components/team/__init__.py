"""Team: a manager's table or upload, the team map, coverage, hire next and exports."""
