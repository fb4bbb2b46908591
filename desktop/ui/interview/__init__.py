"""Interview practice."""
