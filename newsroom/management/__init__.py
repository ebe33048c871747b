"""Management commands for the newsroom."""
