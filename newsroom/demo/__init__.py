"""Demo content for `manage.py load_demo`: plain-Python data, a loader and a picture maker."""
