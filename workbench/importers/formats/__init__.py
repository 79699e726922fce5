"""Format readers. Every module here exposes ``READERS``: a list of Reader instances.

``workbench.importers.registry`` discovers the modules of this package, so adding a
format is adding one module.
"""
