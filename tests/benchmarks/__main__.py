"""``python -m tests.benchmarks``: run the benchmark table (see run.py)."""

import sys

from tests.benchmarks.run import main

sys.exit(main())
