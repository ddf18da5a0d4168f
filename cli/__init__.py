"""The command line, `skills-map` (`python -m cli` from a checkout): see docs/cli.md.

It sits beside the app, not inside the domain: it may import `roles` and `store`, and nothing the
app runs imports it (contracts in pyproject.toml). Every subcommand is one module here, listed
once in `cli.main.COMMANDS`.
"""
