"""Project set-up: tool builds, the virtualenv, the demo (`python3 -m devtools`)."""
