"""Me: one person rates themselves and sees fits, gaps and a path (also used by Join)."""
