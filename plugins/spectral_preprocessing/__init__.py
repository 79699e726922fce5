"""Built-in plugin: spectral preprocessing with named pipelines (before/after view)."""
