"""The site's build package: the `tsp` MkDocs plugin, its data models, rendering and build steps.

`ROOT` is the project this package belongs to (the folder of mkdocs.yml); a
build itself always works from the folder of the mkdocs.yml it was given.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
