"""Fibre Workbench's built-in analysis plugins, one folder each with its ``plugin.toml``.

Installed, this folder is the package ``workbench.builtin_plugins`` (see
``pyproject.toml``) and is found through ``importlib.resources``
(``workbench.paths.plugins_dir``); the plugins themselves are imported by path from
their folders (``workbench.analysis.registry``), like plugins in the user folder.
"""
