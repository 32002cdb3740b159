"""``python -m benchmarks.accuracy``: see :mod:`benchmarks.accuracy.cli`."""

import sys

from .cli import main

sys.exit(main())
