"""Benchmarks: scripts that print figures. Run them all with `python -m bench`."""
