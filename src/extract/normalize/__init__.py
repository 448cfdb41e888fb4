"""Pure normalization functions: no spaCy imports here."""
