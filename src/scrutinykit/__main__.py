"""``python -m scrutinykit``: the command line, as the ``scrutinykit`` script runs it."""

from ._cli import main

raise SystemExit(main())
