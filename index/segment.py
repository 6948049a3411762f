"""Split an article into sentences with exact offsets, and leave out what is not reporting.

Pure functions. `segment_article(text)` returns `Sentence`s whose `text` is exactly
`article[char_start:char_end]`. Lines are paragraphs (a headline has no full stop, so it must
not run into the next sentence); within a line the nupunkt segmenter finds sentence ends; a
full stop with no space after it between two words ("Citadel.Civilians") is also an end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nupunkt

from models.text import normalise_text


@dataclass(frozen=True)
class Sentence:
    text: str
    char_start: int
    char_end: int
    boilerplate: str | None  # why it is left out of the evidence, or None


# "Citadel.Civilians": a lower-case word, a full stop, a capitalised word. Not "U.S.",
# not "pic.twitter.com" (lower case after the stop), not "3.5".
_GLUED_SENTENCE_END = re.compile(r"(?<=[a-z]{2}\.)(?=[A-Z][a-z])")

# Lines that are page furniture rather than reporting. Each pattern is matched against the
# normalised line; the name says why the line is left out.
_FURNITURE_LINES = [
    ("share prompt", re.compile(r"^(?:you can )?(?:share|tweet|email) (?:this|the) (?:story|article|post|page)\b", re.I)),
    ("share prompt", re.compile(r"^(?:share|share this|share on \w+)[:!.]?$", re.I)),
    ("comment prompt", re.compile(r"^(?:leave a (?:comment|reply)|comments?|\d+ comments?|add a comment)[:.!]?$", re.I)),
    ("subscription prompt", re.compile(r"^(?:subscribe|sign up|follow us)\b.{0,80}$", re.I)),
    ("link list heading", re.compile(r"^(?:sources?(?: and related)?|related(?: articles| stories| links)?|read more|see also|more on this(?: story)?)[:.]?$", re.I)),
    ("social-media credit", re.compile(r"^[-\u2014\u2013]+\s*.{0,80}\(@\w{1,30}\)\s*.{0,40}$")),
    ("social-media link", re.compile(r"^(?:pic\.twitter\.com/\w+|https?://\S+)$", re.I)),
]
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")
_SOCIAL_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*")


def _furniture(line: str) -> str | None:
    norm = normalise_text(line).strip()
    for reason, pattern in _FURNITURE_LINES:
        if pattern.search(norm):
            return reason
    return None


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans within one line, offsets relative to the line, whitespace trimmed."""
    spans = []
    for start, end in nupunkt.sent_spans(line):
        piece = line[start:end]
        cuts = [0] + [m.start() for m in _GLUED_SENTENCE_END.finditer(piece)] + [len(piece)]
        for a, b in zip(cuts, cuts[1:]):
            spans.append((start + a, start + b))
    # Embedded social links ("... danger. pic.twitter.com/x") become their own spans so the
    # sentence before them stays clean and the link can be dropped.
    out = []
    for a, b in spans:
        piece = line[a:b]
        last = 0
        for m in _SOCIAL_LINK.finditer(piece):
            out.append((a + last, a + m.start()))
            out.append((a + m.start(), a + m.end()))
            last = m.end()
        out.append((a + last, b))
    trimmed = []
    for a, b in out:
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


def segment_article(article: str) -> list[Sentence]:
    """All sentences of an article in order, boilerplate marked rather than dropped, so a
    sentence's index is stable whatever the filter decides."""
    sentences: list[Sentence] = []
    in_link_list = False
    offset = 0
    for raw_line in article.splitlines(keepends=True):
        line = raw_line.rstrip("\r\n")
        line_start = offset
        offset += len(raw_line)
        if not line.strip():
            in_link_list = False
            continue
        reason = _furniture(line)
        if reason == "link list heading":
            in_link_list = True
        elif in_link_list and _LIST_ITEM.match(line):
            reason = "link list item"
        else:
            in_link_list = False
        for a, b in _split_line(line):
            text = line[a:b]
            why = reason or _furniture(text)
            sentences.append(Sentence(text, line_start + a, line_start + b, why))
    return sentences
