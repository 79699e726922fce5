"""Built-in plugin: fibre length statistics (TAPPI T 271 / ISO 16065-2)."""
