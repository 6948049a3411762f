"""Who asserts a passage, and whether it is hedged. Pure; computed at index time.

"According to Syrian media outlets, nearly 1,000 ..." is asserted by "Syrian media outlets";
"..., the country's General Command has said" by "the country's General Command"; "the Kyiv
Post claimed ..." by "the Kyiv Post", hedged ("claimed"). A passage that opens with a pronoun
("It also said ...") takes the asserter of the sentence before it.
"""

from __future__ import annotations

import re

from models.text import normalise_text

_VERBS = (r"said|says|stated|reported|claimed|announced|added|noted|confirmed|"
          r"acknowledged|admitted|denied|revealed|emphasi[sz]ed|stressed|asserted|told|warned|"
          r"quoted\s+\w+\s+as\s+saying|pointed\s+out|has\s+said|have\s+said|had\s+said")
_AUX = r"(?:has\s+|have\s+|had\s+|also\s+|long\s+|previously\s+|repeatedly\s+|already\s+|earlier\s+)*"
_PRONOUNS = {"it", "he", "she", "they", "this", "we", "i"}
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:]{2,90}?)(?=,|\.|;|:|$|\s+(?:that|who)\b)", re.I)
_AS_BY = re.compile(r"\bas\s+(?:quoted|reported|cited)\s+by\s+(?P<who>[^,.;:]{2,80}?)(?=,|\.|;|:|$)", re.I)
_CITED = re.compile(r"\b(?:cited|quoted)\s+by\s+(?:the\s+)?(?P<who>[^,.;:()]{2,80}?)(?=\s*\(|,|\.|;|:|$)", re.I)
# "..., X said", "..., X said on Sunday", "..., X said in a statement", "..., X told reporters"
_TRAILING = re.compile(rf",\"?\s*(?P<who>[^,\"]{{2,80}}?)\s+{_AUX}(?:{_VERBS})"
                       rf"(?:\s+(?:in|on|at|to|during|after|late|earlier)\s+[^,.\"]{{0,60}}|\s+[A-Z][^,.]{{0,60}}|\s+reporters)?\s*[.\"]*$")
_PASSIVE = re.compile(rf"\b(?:was|were|has\s+been|had\s+been|is|are)\s+(?:{_VERBS})\s+by\s+(?P<who>[^,.;:]{{2,80}}?)(?=,|\.|;|:|$)", re.I)
_SUBJECT = re.compile(
    rf"^(?:[A-Z ]+:\s*|[A-Z]+\s+-\s+)?(?:In\s+a\s+[^,]{{1,60}},\s*|Meanwhile,\s*|However,\s*)?"
    rf"(?P<who>(?:the\s+)?[^,.;:\"]{{2,80}}?)\s+{_AUX}(?:{_VERBS})\b", re.I)
_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|claimed|claims|claim|unverified|unconfirmed|not\s+been\s+verified|"
    r"could\s+not\s+be\s+(?:independently\s+)?verified|appears?\s+to|said\s+to\s+be|rumou?red)\b", re.I)


_NOT_AN_ASSERTER = re.compile(r"^(?:this|that|these|those|what|which|as|if|when|while|it)\b", re.I)


def _clean(who: str) -> str | None:
    who = re.sub(r"\s+", " ", who).strip(" \"'")
    who = re.sub(r"^(?:as|while|when)\s+", "", who, flags=re.I)  # "As the president noted"
    if not who or len(who.split()) > 12 or _NOT_AN_ASSERTER.match(who) and who.lower() not in _PRONOUNS:
        return None
    return who


def attribution_of(text: str, previous: str | None = None) -> dict:
    """{"asserted_by": who or None, "hedged": bool, "hedges": [words as written, lower case]}."""
    norm = normalise_text(text)
    who = None
    for pattern in (_ACCORDING, _AS_BY, _CITED, _PASSIVE, _TRAILING, _SUBJECT):
        m = pattern.search(norm)
        if m and (candidate := _clean(m.group("who"))):
            who = candidate
            break
    if who and who.lower() in _PRONOUNS and previous:
        who = attribution_of(previous)["asserted_by"] or who
    hedges = sorted({m.group(0).lower() for m in _HEDGES.finditer(norm)})
    return {"asserted_by": who, "hedged": bool(hedges), "hedges": hedges}
