"""A build meant for publishing (PUBLISH=1, as the Pages workflow sets it)
needs the site's real address: canonical links and sitemap.xml are written
from site_url. A local build has none, so it writes no canonical link and no
address of this machine (127.0.0.1) anywhere."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}


def check_site_url(config) -> None:
    """Stop a publishing build that has no real address."""
    if not os.environ.get("PUBLISH"):
        return
    parts = urlsplit(config.site_url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.hostname in LOCAL_HOSTS:
        raise PluginError(
            "site_url: a build for publishing (PUBLISH=1) needs the site's real address, "
            f"got {config.site_url or 'none'!r}: set SITE_URL, for example "
            "SITE_URL=https://example.github.io/trygg-politiker/")
