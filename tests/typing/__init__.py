"""Type-checking fixtures: code that mypy reads and pytest never runs."""
