"""The built program's entry point: the same as ``python -m makelaar``."""

from makelaar.cli import main

raise SystemExit(main())
