"""Built-in plugin: two samples' fibre length distributions compared (Kolmogorov-Smirnov)."""
