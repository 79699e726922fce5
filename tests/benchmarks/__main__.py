"""``python -m tests.benchmarks``: run the benchmark table (see run.py)."""

import sys

from tests.benchmarks.run import main

if __name__ == "__main__":  # import workers load this module again
    sys.exit(main())
