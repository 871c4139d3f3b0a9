"""Build step: the brought print font copied into the site.

Self-host the print font: Atkinson Hyperlegible (OFL-1.1), from the pinned
PyPI package fontpkg-atkinson-hyperlegible, into assets/fonts/ of the built site.

The print styles (tsp-print.css) set it with @font-face, so a PDF has the same
page count and line breaks on every machine, whatever fonts it has installed.
The screen keeps the reader's system font (README: "Fonts").
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

FONT_DIR = "assets/fonts"


def font_files() -> list[Path]:
    """The package's font files and its licence, which travels with them."""
    try:
        import fontpkg_atkinson_hyperlegible as package
    except ImportError:
        raise PluginError("fonts: the print font is not installed: "
                          "pip install -r requirements.txt") from None
    root = Path(package.ROOT)
    fonts = sorted((root / "files").glob("*.ttf"))
    if not fonts or not (root / "LICENSE").is_file():
        raise PluginError(f"fonts: no font files or LICENSE in {root}")
    return [*fonts, root / "LICENSE"]


def add_font_files(files, config):
    """The font files as files of the build (so the offline manifest lists them)."""
    for path in font_files():
        name = "OFL.txt" if path.name == "LICENSE" else path.name
        uri = f"{FONT_DIR}/{name}"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
