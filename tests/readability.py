"""LIX (läsbarhetsindex) of a built page's main text.

LIX = words / sentences + 100 * long words / words, where a long word has more
than six letters. Sentences end at . ! ? : and at the end of every block
(heading, paragraph, list item, table cell), as a reader sees them.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd"]
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+")


def main_blocks(soup: BeautifulSoup) -> list[str]:
    """The text of each innermost block of the page's article, without the
    heading permalinks (¶) Material adds."""
    article = soup.select_one("article.md-content__inner")
    for link in article.select("a.headerlink"):
        link.decompose()
    texts = []
    for block in article.find_all(BLOCKS):
        if block.find(BLOCKS):
            continue  # its inner blocks are counted on their own
        text = block.get_text(" ", strip=True)
        if text:
            texts.append(text)
    return texts


def lix(blocks: list[str]) -> tuple[float, int, int, int]:
    """(LIX, words, sentences, long words) of a list of text blocks."""
    words = sentences = long_words = 0
    for text in blocks:
        for sentence in SENTENCE_END.split(text):
            found = WORD.findall(sentence)
            if not found:
                continue
            sentences += 1
            words += len(found)
            long_words += sum(1 for w in found if len(w.replace("-", "")) > 6)
    if not words:
        raise ValueError("no words in the text")
    return words / sentences + 100 * long_words / words, words, sentences, long_words
