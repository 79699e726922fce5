"""Built-in plugin: apply a stored PLS calibration model to samples' spectra."""
