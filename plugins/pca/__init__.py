"""Built-in plugin: principal component analysis of spectra across samples."""
