"""`make serve` runs `mkdocs serve`: it must answer with the Swedish start page and /en/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.mark.build
def test_mkdocs_serve_answers_in_both_languages():
    port = _free_port()
    makefile = (ROOT / "Makefile").read_text()
    assert "mkdocs serve --strict -a 127.0.0.1:8000" in makefile
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        swedish = BeautifulSoup(_get(f"http://127.0.0.1:{port}/", deadline), "lxml")
        english = BeautifulSoup(_get(f"http://127.0.0.1:{port}/en/", deadline), "lxml")
        assert swedish.html["lang"] == "sv"
        assert "Trygg och säker politiker" in swedish.title.text
        assert english.html["lang"] == "en"
        assert "Safe and secure" in english.title.text
    finally:
        server.terminate()
        server.wait(timeout=20)
