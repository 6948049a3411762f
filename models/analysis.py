"""What the stance scorer needs to know about a text, computed once.

For a passage this runs at index time and is stored; for a claim it runs per request. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.figures import Figure, extract_figures, figure_from_dict
from models.text import STOPWORDS, match_key, normalise_text, words

# Words that negate what follows them ("not allowing", "failed to establish", "denied reports
# of a withdrawal"). The negated predicate is the first content word after the cue.
_NEGATION_CUES = {"not", "no", "never", "without", "neither", "nor", "none", "cannot"}
_NEGATING_VERBS = {"fail", "deni", "refus", "reject", "dismiss"}  # stems
_DENIAL_VERBS = {"deni", "reject", "dismiss"}  # they negate a whole proposition
_SKIP_AFTER_CUE = STOPWORDS | {"even", "yet", "ever", "able", "report", "reports", "claim", "claims",
                               "allegation", "allegations", "any", "longer", "out", "to", "of", "that"}
_NUMBER_WORD = re.compile(r"^(?:\d[\d,.]*(?:st|nd|rd|th|km|s)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|nearly|"
                          r"about|around|approximately|roughly|least|over|exceeding|fewer|less|almost)$", re.I)


@dataclass(frozen=True)
class TextAnalysis:
    keys: tuple[str, ...]                  # content-word match keys, unique, in order
    names: tuple[str, ...]                 # capitalised words (lower case), for spelling variants
    negated: tuple[str, ...]               # keys of predicates under negation
    figures: tuple[Figure, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"keys": list(self.keys), "names": list(self.names), "negated": list(self.negated),
                "figures": [f.to_dict() for f in self.figures]}

    @classmethod
    def from_dict(cls, d: dict) -> "TextAnalysis":
        return cls(tuple(d["keys"]), tuple(d["names"]), tuple(d["negated"]),
                   tuple(figure_from_dict(f) for f in d["figures"]))


def _is_content(word: str) -> bool:
    lw = word.lower()
    return lw not in STOPWORDS and lw.replace("'", "") not in STOPWORDS and not _NUMBER_WORD.match(lw)


def analyse(text: str) -> TextAnalysis:
    norm = normalise_text(text)
    tokens = words(norm)
    keys: dict[str, None] = {}
    names: dict[str, None] = {}
    negated: dict[str, None] = {}
    pending_negation = denial = False
    for i, (w, start, _) in enumerate(tokens):
        lw = w.lower()
        # A clause boundary between the cue and this word ends the cue's reach.
        if pending_negation and i and re.search(r"[,;:.!?]", norm[tokens[i - 1][2]:start]):
            pending_negation = denial = False
        if lw in _NEGATION_CUES or lw.endswith("n't"):
            nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
            if nxt not in ("only", "just", "merely"):  # "not only X but also Y" asserts X
                pending_negation, denial = True, False
            continue
        if not _is_content(w):
            continue
        key = match_key(w)
        keys.setdefault(key)
        if w[0].isupper() and len(w) > 2:
            names.setdefault(lw.replace("'", ""))
        if key in _NEGATING_VERBS:
            pending_negation = True
            denial = key in _DENIAL_VERBS
            continue
        if pending_negation and lw not in _SKIP_AFTER_CUE:
            negated.setdefault(key)
            # "not" negates one predicate; a denial its object too ("denied reports of a
            # military withdrawal": military, withdrawal), not the rest of the clause.
            pending_negation, denial = denial, False
    return TextAnalysis(tuple(keys), tuple(names), tuple(negated), tuple(extract_figures(text)))
