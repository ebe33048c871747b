"""The newsroom's commands: load_demo, load_bulk."""
