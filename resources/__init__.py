"""Fibre Workbench's resources: routes, reference library, demo data, guide, icons, translations.

Installed, this folder is the package ``workbench.resources`` (see ``pyproject.toml``),
so every way of installing the program finds these files the same way, through
``importlib.resources`` (``workbench.paths.resources_dir``). It holds no code.
"""
