"""Team rooms in the app: the manager's side on the Team page and the members' own page."""
