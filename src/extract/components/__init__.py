"""spaCy components, one per field."""
