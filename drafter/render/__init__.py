"""From validated form data to report markup: figures, filters, the Jinja environment."""
