"""The spaCy side: the only package that imports spaCy."""
