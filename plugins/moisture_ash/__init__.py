"""Built-in plugin: gravimetric moisture (ISO 18134) and ash (ISO 18122) with replicates."""
