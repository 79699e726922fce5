"""Reports: the suitability report as HTML (core) and PDF (laid out by Qt)."""
