"""Makelaar: the desktop program for brokers of residents' ideas."""

__version__ = "0.1.0"
