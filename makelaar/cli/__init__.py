"""The command line (``makelaar`` and its sub-commands), one module per concern: ``db``, ``records`` (import,
export, demo), ``exchange``, ``reports`` (match and PDF reports), ``privacy``. Each calls the actions
(:mod:`makelaar.actions`) and read-only services; ``main`` parses and runs them and turns every failure into a
Dutch message and an exit code: 0 done, 1 rows rejected or conflicts waiting, 2 refused or failed."""

from makelaar.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, PASSPHRASE_ENV, actor, passphrase, settings_name
from makelaar.cli.entry import build_parser as _parser
from makelaar.cli.entry import main

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "PASSPHRASE_ENV",
    "_parser",
    "actor",
    "main",
    "passphrase",
    "settings_name",
]
