"""Packaged with makelaar (see pyproject.toml)."""
