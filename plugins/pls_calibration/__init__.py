"""Built-in plugin: PLS calibration of a property from spectra (cross-validated)."""
