"""Fibre Workbench: an offline workbench for fibre and biomass characterisation data.

This package's ``__init__`` stays standard-library only so that
``python -m workbench.bootstrap`` can run before any dependency is installed.
"""

__version__ = "0.1.0"
APP_NAME = "Fibre Workbench"
