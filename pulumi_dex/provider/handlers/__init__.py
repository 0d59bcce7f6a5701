"""One handler per resource type: check, diff, and the CRUD calls to Dex."""
