"""Text normalisation for matching, with a map back to the original characters.

Everything here is a pure function over strings. Matching happens on a normalised copy
(NFKC, ASCII quotes and dashes, no accents) while every offset we report points into the
original text, so a client can slice the source and get exactly the passage back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
import threading
from functools import lru_cache

import snowballstemmer

# Typographic characters that NFKC leaves alone but that break matching ("Hay’at" vs "Hay'at").
_CHAR_FOLDS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
}


@dataclass(frozen=True)
class NormalisedText:
    """A normalised copy of a text plus, for each of its characters, the index of the
    original character it came from (one extra entry for the end position)."""

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text back to the original text."""
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> NormalisedText:
    """NFKC per character (mathematical bold letters become ASCII), typographic quotes and
    dashes folded to ASCII, accents dropped. Returns the text and its offset map."""
    if text.isascii() and "`" not in text:  # nothing to fold: the common case, done per claim several times
        return NormalisedText(text, tuple(range(len(text) + 1)))
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _CHAR_FOLDS.get(ch)
        if folded is None:
            folded = unicodedata.normalize("NFKC", ch)
            if not folded.isascii():
                folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        for c in folded:
            out.append(c)
            origin.append(i)
    origin.append(len(text))
    return NormalisedText("".join(out), tuple(origin))


def normalise_text(text: str) -> str:
    """The normalised string alone, for matching and embedding."""
    if text.isascii() and "`" not in text:
        return text
    return _normalised(text)


@lru_cache(maxsize=16384)  # passages are normalised again for every claim that meets them
def _normalised(text: str) -> str:
    return normalise(text).text


# A dotted acronym ("U.S.", "U.N.") is one word, read without its dots ("US").
# (Not inside a run of letters and dots: "A.A.A...Ab" would make the search quadratic.)
_WORD = re.compile(r"(?<![A-Za-z.])(?:[A-Z]\.){2,}(?![A-Za-z])|[A-Za-z0-9]+(?:'[A-Za-z]+)*")

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about
    than then that this these those there here it its it's he she they them their his her him we
    our us you your i me my is are was were be been being has have had do does did will would
    shall should can could may might must also not no nor so such very just only own same other
    which who whom whose what when where why how all any both each few more most some up down out
    off again further once while during before after above below between through against until
    s t ve ll re d m already said says say saying according told stated added noted
    since across within among toward towards despite amid amidst via per upon onto beyond along""".split()
)

# A snowballstemmer object keeps its state in itself and is not safe to share between threads
# (under load it raised IndexError and, worse, returned wrong stems that lru_cache then kept):
# one per thread.
_stemmers = threading.local()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of a lower-case word."""
    stemmer = getattr(_stemmers, "english", None)
    if stemmer is None:
        stemmer = _stemmers.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def words(text: str) -> list[tuple[str, int, int]]:
    """Words of an already normalised text as (word, start, end). Apostrophes inside a word
    are kept in the surface form; hyphenated names split into their parts."""
    return [(m.group(0).replace(".", ""), m.start(), m.end()) for m in _WORD.finditer(text)]


# Irregular past forms, so "withdrew" meets "withdrawal" and "fell" meets "fall".
_IRREGULAR = dict(pair.split(":") for pair in """withdrew:withdraw withdrawn:withdraw took:take taken:take
    fell:fall fallen:fall won:win lost:lose began:begin begun:begin rose:rise risen:rise fled:flee
    overran:overrun struck:strike shot:shoot sought:seek held:hold left:leave met:meet told:tell
    spoke:speak spoken:speak broke:break broken:break drove:drive driven:drive fought:fight
    brought:bring bought:buy built:build caught:catch chose:choose chosen:choose gave:give given:give
    went:go gone:go grew:grow grown:grow hid:hide kept:keep knew:know known:know led:lead paid:pay
    ran:run saw:see seen:see sent:send stood:stand swore:swear sworn:swear threw:throw thrown:throw
    wrote:write written:write slain:slay slew:slay forbade:forbid forbidden:forbid undertook:undertake
    dead:die died:die""".split())


# ... and with a prefix ("retaken", "withheld", "oversaw", "misled"); not "resent", "outspoken", "upshot"
_PREFIXES = ("re", "over", "under", "out", "with", "up", "mis", "fore")
_IRREGULAR.update({p + past: p + base for p in _PREFIXES for past, base in list(_IRREGULAR.items())
                   if past != "dead" and p + past not in _IRREGULAR and p + past not in ("resent", "outspoken", "upshot")})
PAST_FORMS = frozenset(_IRREGULAR) - {"dead"}  # irregular past forms and participles ("fled", "held")


# British spellings folded to American ones, so outlets that spell differently meet
# ("Defence"/"Defense", "emphasised"/"emphasized", "organisation"/"organization",
# "centre"/"center"). Both sides of every comparison are folded alike, so a word folded that
# has no American twin ("promise" -> "promize") only changes its key, not what it matches.
_BRITISH_SPELLINGS = [(re.compile(p), r) for p, r in (
    (r"(?<=\w{3})is(ation|ations|e|ed|es|ing|er|ers)$", r"iz\1"),
    (r"(?<=\w{3})ys(e|ed|es|ing)$", r"yz\1"),
    (r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ably|er|ers|hood|hoods)?$", r"or\1"),
    (r"^(def|off|lic|pret)ence(s)?$", r"\1ense\2"),
    (r"(?<=\w{2})tre(s|d)?$", r"ter\1"),
    (r"^programme(s)?$", r"program\1"),
)]


def american_spelling(word: str) -> str:
    """`word` (lower case) in American spelling, where a British one differs by rule."""
    for pattern, replacement in _BRITISH_SPELLINGS:
        folded = pattern.sub(replacement, word)
        if folded != word:
            return folded
    return word


# Words the stemmer would merge with others of another meaning: "authentic" is not
# "authenticated" ("has not been authenticated" does not say "it is not authentic").
_KEPT_APART = {"authentic": "authentic", "authenticity": "authentic", "authentically": "authentic"}


@lru_cache(maxsize=32768)  # bounded: claims bring arbitrary words
def match_key(word: str) -> str:
    """The key two spellings of one word share: lower case, apostrophes dropped
    ("Hay'at" -> "hayat"), irregular past forms mapped to the base verb, British spellings
    to American ones, stemmed."""
    w = word.lower().replace("'", "")
    if w in _KEPT_APART:
        return _KEPT_APART[w]
    w = _IRREGULAR.get(w, w)
    return stem(american_spelling(w))


def content_keys(text: str) -> list[str]:
    """Match keys of the content words of a normalised text, in order, stopwords removed."""
    keys = []
    for w, _, _ in words(text):
        lw = w.lower()
        if lw in STOPWORDS or lw.replace("'", "") in STOPWORDS:
            continue
        keys.append(match_key(w))
    return keys


@lru_cache(maxsize=65536)
def name_skeleton(word: str) -> str:
    """A transliteration-tolerant skeleton of a name: lower case, no apostrophes, y as i,
    doubled letters single. "Ignasyuk" -> "ignasiuk"."""
    w = word.lower().replace("'", "").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", w)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@lru_cache(maxsize=65536)
def names_match(a: str, b: str) -> bool:
    """Whether two name tokens are spellings of one name ("Ignasyuk"/"Ignatiuk",
    "Tahrir"/"Tahir"): same first letter and skeletons within one edit per five letters."""
    sa, sb = name_skeleton(a), name_skeleton(b)
    if sa == sb:
        return True
    # one Arabic or Persian letter written q, gh or k ("Araqchi"/"Araghchi", "Haqqani"/
    # "Hakkani"): the same name only where that is all that differs (read so within an edit,
    # "Brighton" would be "Brixton"), in names of six letters or more ("Qin" is not "Kin")
    if min(len(sa), len(sb)) >= 6 and (sa.replace("gh", "q") == sb.replace("gh", "q")
                                       or sa.replace("q", "k") == sb.replace("q", "k")):
        return True
    if len(sa) < 5 or len(sb) < 5 or sa[0] != sb[0]:
        return False
    return edit_distance(sa, sb, limit=2) <= max(1, min(len(sa), len(sb)) // 5)


# Capital cities, each with its country's words: a capital stands for its country's government in
# news ("Damascus acknowledged"), and "the Syrian capital" is Damascus. General knowledge, one
# country a line, the capital first.
CAPITALS_TEXT = """
damascus syria syrian
moscow russia russian kremlin
tehran iran iranian
baghdad iraq iraqi
ankara turkey turkish
washington america american
kyiv kiev ukraine ukrainian
beijing china chinese
london britain british
paris france french
berlin germany german
beirut lebanon lebanese
amman jordan jordanian
riyadh saudi
cairo egypt egyptian
"""


# days and months: a time, not a name of who or where ("On Monday", "in March")
CALENDAR_KEYS = frozenset(match_key(w) for w in """monday tuesday wednesday thursday friday saturday sunday january
                          february march april may june july august september october november december""".split())
