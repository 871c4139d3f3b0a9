"""Typed, validated models of the data files in data/ (one module per file), and their loader."""
