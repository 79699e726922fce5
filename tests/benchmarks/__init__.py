"""Benchmark harness: ``python -m tests.benchmarks`` (not collected by pytest).

Each ``bench_*.py`` module in this folder registers benchmarks with ``@register``;
the runner measures our implementation against the bare numpy/h5py equivalent in
fresh subprocesses and prints a table. See ``registry.py`` for how to add one.
"""
