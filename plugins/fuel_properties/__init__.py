"""Built-in plugin: heating values from proximate/ultimate analysis and H/C, O/C ratios."""
