"""Dash pages and components. No SQL here: every number comes from metrics/."""
