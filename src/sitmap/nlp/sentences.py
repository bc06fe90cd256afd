"""Sentence boundaries by rule: fast enough for every sentence of every article.

The statistical parser runs only on sentences that can hold an event, so the split itself must
be cheap; paragraphs (blank lines or single newlines in wire copy) always end a sentence.
"""

from __future__ import annotations

import re

from sitmap.model import Sentence

# A full stop after these is not a sentence end ("Gen. Haftar", "Jan. 5", "U.S. forces").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt cpl pte adm brig cmdr gov sen rep rev st mt ft no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec approx est inc ltd co corp dept".split()
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“'‘(\[]?[A-Z0-9])")
# A photo credit ends a caption even without a full stop: "... in Aleppo (AFP photo) BEIRUT Air
# strikes ..." is a picture's caption, then the story.
_PHOTO_CREDIT = re.compile(r"\((?:[^()]{0,40}\s)?(?i:file\s+)?(?i:photos?|pictures?)\b[^()]{0,30}\)")
_CREDIT_BOUNDARY = re.compile(_PHOTO_CREDIT.pattern + r"\s+(?=[\"“'‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their character spans, in order."""
    sentences: list[Sentence] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for match in _BOUNDARY.finditer(text, para_start, para_end):
            if _is_abbreviation(text, start, match.start()) or _PHOTO_CREDIT.match(text, match.end()):
                # a credit after the caption's full stop still belongs to the caption
                continue
            start = _split_credits(sentences, text, start, match.start())
            _append(sentences, text, start, match.start() + 1 + _closing_len(text, match))
            start = match.end()
        start = _split_credits(sentences, text, start, para_end)
        _append(sentences, text, start, para_end)
    return sentences


def is_caption(text: str) -> bool:
    """Whether a sentence is a picture's caption: it ends with a photo credit ("(AFP Photo)")."""
    credits = list(_PHOTO_CREDIT.finditer(text))
    return bool(credits) and not text[credits[-1].end() :].strip(" .")


def _split_credits(sentences: list[Sentence], text: str, start: int, end: int) -> int:
    """Cut the captions that end with a photo credit off the text between ``start`` and ``end``."""
    for credit in _CREDIT_BOUNDARY.finditer(text, start, end):
        closing = text.index(")", credit.start()) + 1
        _append(sentences, text, start, closing)
        start = credit.end()
    return start


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _closing_len(text: str, match: re.Match[str]) -> int:
    closing = 0
    for char in text[match.start() + 1 : match.end()]:
        if char in "\"'”’)]":
            closing += 1
        else:
            break
    return closing


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].strip("(\"'“‘").lower()
    # "U.S." and "U.N." keep their inner dots; a single capital is an initial ("John F. Kerry").
    return word in _ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
