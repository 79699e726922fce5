"""Built-in plugin: proximate analysis from a TGA curve (ASTM E1131 style) with DTG."""
