"""The build steps the tsp plugin runs: theme globals, print actions, search split, CSP, offline manifest, PDFs."""
