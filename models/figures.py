"""Figures: the numbers a text states, as intervals, with their unit and what they count.

`extract_figures` is a pure function. It reads "nearly 1,000 terrorists" as the interval
[900, 1000] counting terrorists, "over two million civilians" as (2,000,000, inf), "dozens of
its troops" as [24, 99] troops, "100km" as a distance and "since 2016" as a year, which is not a
count. Two figures are compared only when they measure the same kind of thing
(`comparable`), and then as intervals (`consistent`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace

from models.text import PAST_FORMS, STOPWORDS, normalise, stem

INF = math.inf


@dataclass(frozen=True)
class Figure:
    text: str                # as written in the original text
    start: int               # offsets into the original text
    end: int
    value: float | None      # the number stated; None for vague amounts ("dozens")
    low: float               # the interval the wording allows
    high: float              # INF when open-ended ("at least 300")
    qualifier: str | None    # "nearly", "about", "at least", "dozens", "between" ...
    kind: str                # count | year | percent | money | distance | duration | ago | ordinal
    unit: str | None         # "km", "%", "days", "USD" ...
    counts: str | None       # what is counted, as written ("foreign terrorists")
    counts_key: str | None   # what is counted, normalised for comparison ("armed-group")

    def to_dict(self) -> dict:
        # field by field: dataclasses.asdict deep-copies every value (3% of a claim's time in a profile)
        d = {f.name: getattr(self, f.name) for f in _FIGURE_FIELDS}
        d["high"] = None if self.high == INF else self.high
        return d

    @property
    def ranks(self) -> bool:
        """A rank by a superlative ("second-largest city"), keyed "largest-citi"."""
        return self.kind == "ordinal" and bool(re.match(r"[a-z]+est-", self.counts_key or ""))

    def describe(self) -> str:
        return f"{self.text} {self.counts}" if self.counts and self.counts not in self.text else self.text


_FIGURE_FIELDS = fields(Figure)

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                "trillion": 1_000_000_000_000, "bn": 1_000_000_000}

# Vague amounts as ranges: "dozens" is at least two dozen and fewer than a hundred.
_VAGUE = {
    "a few": (2, 5), "a handful": (2, 8), "several": (3, 9), "a dozen": (12, 12), "dozens": (24, 99), "scores": (40, 99),
    "hundreds": (200, 999), "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 999_999_999),
}

# Qualifier -> how it turns a stated value v into an interval.
_QUALIFIERS = {
    "nearly": "below", "almost": "below", "close to": "below", "just under": "below", "nearing": "below",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "an approximate": "approx",
    "at least": "atleast", "no fewer than": "atleast", "no less than": "atleast", "a minimum of": "atleast",
    "over": "above", "more than": "above", "exceeding": "above", "in excess of": "above",
    "upwards of": "above", "above": "above", "just over": "above", "nearly over": "above",
    "fewer than": "under", "less than": "under", "under": "under", "below": "under",
    "up to": "atmost", "as many as": "atmost", "at most": "atmost", "no more than": "atmost",
    "a maximum of": "atmost", "not more than": "atmost", "not over": "atmost",
    "not less than": "atleast", "not fewer than": "atleast",
    "exactly": "exact", "precisely": "exact",
}
APPROX_TOLERANCE = 0.15   # "about 300" allows 255..345
NEARLY_TOLERANCE = 0.10   # "nearly 1,000" allows 900..1000

_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORDINALS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_NUMWORD = "|".join(sorted(list(_UNITS_WORDS) + list(_SCALE_WORDS), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CORE = re.compile(
    rf"""(?P<vaguescaled>(?:a\s+few|several|a\s+couple\s+of)\s+(?:dozen|hundred|thousand|million))\b
       |(?P<fraction>(?:half|a\s+quarter|quarter|three\s+quarters)\s+(?:of\s+)?an?\s+(?:dozen|hundred|thousand|million|billion))\b
       |(?P<vague>(?:tens|hundreds)\s+of\s+thousands|a\s+few|a\s+handful|several|a\s+dozen|dozens|scores|hundreds|thousands|millions)\b
       |(?P<ordinal>\d+(?:st|nd|rd|th)|\b(?:{_ORDINAL_WORDS}))\b
       |(?P<article>\ban?)(?=\s+(?:hour|day|week|month|year|decade)s?\b)
       |(?P<digits>{_DIGITS})(?:\s*(?P<dscale>thousand|million|billion|trillion|bn)\b)?
       |(?P<words>\b(?:an?\s+(?=(?:hundred|thousand|million|billion)\b))?(?:{_NUMWORD})(?:(?:\s+|-)(?:and\s+)?(?:{_NUMWORD}))*)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:^|[^A-Za-z])(?P<q>" + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
    + r")\s+(?:(?:of|at)\s+)?$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?P<c>US\$|\$|€|£|USD|EUR|GBP)\s?$", re.IGNORECASE)
_RANGE_START = re.compile(r"(?:^|[^A-Za-z])(?P<q>between|from)\s+$", re.IGNORECASE)
_BARE_RANGE_REST = re.compile(rf"^(?:\s*-\s*|\s+to\s+)(?P<n>{_DIGITS})(?:\s*(?P<scale>thousand|million|billion|trillion|bn)\b)?", re.IGNORECASE)
_NOT_A_FIGURE_NEIGHBOUR = "\u2044^/"  # "1⁄4" (from ¼), "10^400", "24/7": not counts
MAX_FIGURES = 64          # per text: a claim of 500 numbers is not worth 500 comparisons
MAX_VALUE = 1e15          # beyond this a "figure" is noise, and JSON has no infinity
_RANGE_REST = re.compile(rf"^\s*(?:and|to|-)\s*(?P<n>{_DIGITS}|(?:{_NUMWORD})(?:(?:\s+|-)(?:{_NUMWORD}))*)\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"""^(?:\s*-?\s*)(?P<u>km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|%|percent|per\s+cent|
        decades?|years?|months?|weeks?|days?|hours?|minutes?|dollars?|euros?|pounds?|tonnes?|tons?|kg)(?![A-Za-z])(?P<old>-old)?""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s+(?:{_MONTHS})\b", re.IGNORECASE)
_YEAR_CONTEXT_BEFORE = re.compile(
    rf"(?:\b(?:in|since|of|from|until|till|by|before|after|during|year|mid|early|late|a|an|the|and|or|to|{_MONTHS})|,|'s)\s+$",
    re.IGNORECASE)
_OF_DETERMINER = re.compile(r"[ \t]+(?:of[ \t]+)?(?:(?:the|its|our|their|his|her|these|those|whom)[ \t]+)?['\"]?", re.IGNORECASE)
_NOUN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_COUNTED_FALLBACK = re.compile(
    r"\b(?:casualties|deaths|death\s+toll|toll|number|losses|tally)\s+(?:of|among)\s+(?:the\s+)?(?P<n>[A-Za-z][A-Za-z'-]*)",
    re.IGNORECASE)

_COUNTED_BEFORE = re.compile(r"\b(?P<n>[A-Za-z][A-Za-z'-]*)\s+(?:casualties|deaths|death\s+toll|losses)\b", re.IGNORECASE)
_UNIT_KIND = {
    "km": ("distance", "km"), "kilometre": ("distance", "km"), "kilometer": ("distance", "km"),
    "mile": ("distance", "miles"), "metre": ("distance", "m"), "meter": ("distance", "m"),
    "%": ("percent", "%"), "percent": ("percent", "%"), "per cent": ("percent", "%"),
    "decade": ("duration", "decades"), "year": ("duration", "years"), "month": ("duration", "months"), "week": ("duration", "weeks"),
    "day": ("duration", "days"), "hour": ("duration", "hours"), "minute": ("duration", "minutes"),
    "dollar": ("money", "USD"), "euro": ("money", "EUR"), "pound": ("money", "GBP"),
    "tonne": ("mass", "t"), "ton": ("mass", "t"), "kg": ("mass", "kg"),
}
# An ordinal of a time unit after a possessive is an age: "the war, now in its 13th year" has
# lasted 12 to 13 years ("the second day of fighting" is a date, not how long anything lasted).
_AGE = re.compile(r"(decade|year|month|week|day)$", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|his|her|our)\s+$", re.IGNORECASE)
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}

# What is counted, grouped so that wordings of one kind of thing compare ("militants" and
# "terrorists" are both members of armed groups). General English, not tied to any corpus.
_COUNT_GROUPS = {
    "armed-group": "terrorist militant insurgent rebel jihadist fighter extremist gunman gunmen islamist guerrilla",
    "military": "soldier troop servicemen serviceman personnel force member",
    "civilian": "civilian resident",
    "people": "people person individual",
    "displaced": "refugee displaced evacuee",
    "village-town": "village town",
}
_COUNT_GROUP_OF = {stem(w): g for g, ws in _COUNT_GROUPS.items() for w in ws.split()}
_NOT_COUNTED = STOPWORDS | {"percent", "per", "cent", "near", "around", "inside", "outside", "behind", "beside"}
# Verbs whose bare object count counts people ("has displaced millions", "killed 300.").
_PEOPLE_VERBS = {stem(w) for w in """killed wounded injured displaced evacuated arrested detained rescued executed
                 abducted kidnapped deported hospitalised hospitalized freed""".split()}
_PEOPLE_VERB_BEFORE = re.compile(r"\b([a-z]+ed)\s+$")
_OF_PRONOUN = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)


def _parse_number_words(phrase: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for i, token in enumerate(re.split(r"[\s-]+", phrase.lower())):
        if token == "and" or not token or i == 0 and token in ("a", "an"):  # "a million"
            continue
        if token in _UNITS_WORDS:
            current += _UNITS_WORDS[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in _SCALE_WORDS:
            total += (current or 1) * _SCALE_WORDS[token]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def _parse_number(s: str) -> float | None:
    s = s.strip()
    if re.fullmatch(_DIGITS, s):
        return float(s.replace(",", ""))
    return _parse_number_words(s)


def _interval(value: float, how: str) -> tuple[float, float]:
    if how == "below":
        return value * (1 - NEARLY_TOLERANCE), value
    if how == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if how in ("atleast", "above"):
        return value, INF
    if how in ("under", "atmost"):
        return 0.0, value
    return value, value


# Words that say what happened to what is counted rather than what it is: irregular participles
# ("slain", "fled") and predicate adjectives.
_PREDICATE_WORDS = PAST_FORMS | {"dead", "alive", "homeless", "missing", "hurt"}


def _counted_noun(text: str, end: int) -> tuple[str | None, int]:
    """The noun phrase a number counts, read after it: "dozens of its troops" -> "troops".
    Returns the phrase (up to three words, ended by a stopword or punctuation) and its head."""
    m = _OF_DETERMINER.match(text, end)
    pos = m.end() if m else end
    picked: list[str] = []
    while len(picked) < 3:
        w = _NOUN_WORD.match(text, pos)
        if not w or w.group(0).lower() in _NOT_COUNTED:
            break
        if picked and (w.group(0).lower().endswith(("ed", "ing")) or w.group(0).lower() in _PREDICATE_WORDS):
            break  # "2,000 fighters crossed", "300 terrorists dead", "40 soldiers slain": the predicate ends the phrase
        picked.append(w.group(0))
        pos = w.end()
        nxt = re.match(r" (?=[A-Za-z])", text[pos:])
        if not nxt:
            break
        pos += 1
    if not picked:
        return None, pos
    if len(picked) == 1 and picked[0].lower().endswith("ed"):
        return None, pos  # "1,000 killed": an event, not the thing counted
    return " ".join(picked), pos


def _plural_noun_follows(text: str, end: int) -> bool:
    """"2000 fighters" is a count even where "the 2000 ..." might be a year."""
    phrase, _ = _counted_noun(text, end)
    if not phrase:
        return False
    head = phrase.split()[-1].lower()
    return head in ("people", "men", "women", "children", "police") or (len(head) > 3 and head.endswith("s")
                                                                          and not head.endswith("ss"))


# An ordinal joined to a superlative ranks the noun after it ("second-largest city").
_RANKED_BY = re.compile(r"[-\s](?P<sup>[A-Za-z]+est)\s+(?P<noun>[A-Za-z]+)")


def count_key(phrase: str | None) -> str | None:
    """Group key of a counted noun phrase, from its head word."""
    if not phrase:
        return None
    head = stem(phrase.split()[-1].lower().replace("'", ""))
    return _COUNT_GROUP_OF.get(head, head)


def extract_figures(text: str) -> list[Figure]:
    """Every figure in `text`, with offsets into `text` itself."""
    norm = normalise(text)
    t = norm.text
    figures: list[Figure] = []
    consumed_until = 0
    for m in _CORE.finditer(t):
        if len(figures) >= MAX_FIGURES:
            break
        if m.start() < consumed_until:
            continue
        if m.group("words") and not _parse_number_words(m.group("words")):
            continue
        start, end = m.start(), m.end()
        # Context is read from a bounded window: scanning the whole prefix for every number
        # would make a text of many numbers quadratic.
        win = max(0, start - 120)
        before, after = t[win:start], t[end:end + 160]
        if m.group("digits") and (t[start - 1:start] in _NOT_A_FIGURE_NEIGHBOUR and start > 0
                                  or after[:1] in _NOT_A_FIGURE_NEIGHBOUR and after[:1]):
            continue
        # Words glued to letters ("F16", "A320") are names, not figures.
        if start > 0 and t[start - 1].isalpha() or (m.group("digits") and after[:1].isalpha()
                                                      and not _UNIT_AFTER.match(after)):
            continue
        if m.group("words") and m.group("words").lower() in ("one", "zero"):
            continue  # "one of the ...", "no one": too often not a figure
        day = m.group("digits") and re.fullmatch(r"\d{1,2}", m.group("digits")) and int(m.group("digits")) <= 31
        if day and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after)):
            continue  # "November 30", "30 November": a day of a date (its year stays a figure)

        qualifier = None
        how = "exact"
        qm = _QUALIFIER_BEFORE.search(before)
        if qm:
            qualifier = qm.group("q").lower()
            how = _QUALIFIERS[qualifier]
            start = win + qm.start("q")
        kind, unit, value = "count", None, None
        if m.group("vaguescaled"):
            few, scale = re.sub(r"\s+", " ", m.group("vaguescaled").lower()).rsplit(" ", 1)
            n_low, n_high = {"a few": (2, 5), "several": (3, 9), "a couple of": (2, 3)}[few]
            unit_size = 12 if scale == "dozen" else _SCALE_WORDS[scale]
            low, high = n_low * unit_size, n_high * unit_size
            if how in ("atleast", "above"):
                high = INF
            qualifier = qualifier or m.group("vaguescaled").lower()
        elif m.group("vague"):
            vague = re.sub(r"\s+", " ", m.group("vague").lower())
            low, high = _VAGUE[vague]
            if how in ("atleast", "above"):
                high = INF
            qualifier = qualifier or vague
            if vague == "a dozen":
                value = 12.0
        elif m.group("fraction"):  # "half a million", "a quarter of a million", "half a dozen"
            part, scale = re.sub(r"\s+", " ", m.group("fraction").lower()).rsplit(" ", 1)
            value = {"half": 0.5, "quarter": 0.25, "three": 0.75, "a": 0.25}[part.split()[0]] * (
                12 if scale == "dozen" else _SCALE_WORDS[scale])
            low, high = _interval(value, how)
        elif m.group("ordinal"):
            kind = "ordinal"
            word = m.group("ordinal").lower()
            value = float(_ORDINALS[word] if word in _ORDINALS else re.match(r"\d+", word).group(0))
            low = high = value
        elif m.group("article"):
            value, (low, high) = 1.0, _interval(1.0, how)  # "more than a week"
        else:
            raw = m.group("digits") or m.group("words")
            value = _parse_number(raw)
            if value is None:
                continue
            if m.group("dscale"):
                value *= _SCALE_WORDS[m.group("dscale").lower()]
            rm = _RANGE_START.search(before) if not qm else None
            rest = _RANGE_REST.match(after) if rm else None
            bare = _BARE_RANGE_REST.match(after) if not rm and m.group("digits") else None
            if rm and rest and _parse_number(rest.group("n")) is not None:
                low, high = sorted((value, _parse_number(rest.group("n"))))  # "between 100 and 50"
                qualifier, start = rm.group("q").lower(), win + rm.start("q")
                end += rest.end()
                after = t[end:end + 160]
                if (sm := re.match(r"\s*(thousand|million|billion|trillion|bn)\b", after, re.I)) and not m.group("dscale"):
                    scale = _SCALE_WORDS[sm.group(1).lower()]
                    value, low, high = value * scale, low * scale, high * scale
                    end += sm.end()
                    after = t[end:end + 160]
            elif bare and (second := _parse_number(bare.group("n"))) is not None and second > value:
                # "200-300 rebels", "2 to 3 million people": a range; a shared scale word counts for both
                if bare.group("scale") and not m.group("dscale"):
                    scale = _SCALE_WORDS[bare.group("scale").lower()]
                    value, second = value * scale, second * scale
                low, high, qualifier = value, second, qualifier or "range"
                end += bare.end()
                after = t[end:end + 160]
            else:
                low, high = _interval(value, how)
            cwin = max(0, start - 8)
            cm = _CURRENCY_BEFORE.search(t[cwin:start])
            plural_follows = _plural_noun_follows(t, end)
            if cm:
                kind, unit = "money", _CURRENCY[cm.group("c").lower()]
                if not qm:
                    start = cwin + cm.start("c")
            elif (m.group("digits") and re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100 and not qm
                  and not plural_follows and (_YEAR_CONTEXT_BEFORE.search(before) or not _NOUN_WORD.match(after.lstrip())
                                              or after[:1] in ",.;:)")):
                kind = "year"
        if value is not None and not (math.isfinite(value) and abs(value) <= MAX_VALUE) or high != INF and high > MAX_VALUE:
            continue
        counts, ranked = None, None
        if kind == "count" and (um := _UNIT_AFTER.match(after)):
            u = re.sub(r"\s+", " ", um.group("u").lower())
            base = u if u in _UNIT_KIND else re.sub(r"s$", "", u)
            kind, unit = _UNIT_KIND.get(base, (kind, unit))
            if um.group("old"):
                kind, unit = "age", "years"
            end += um.end()
            if kind == "duration" and qualifier == "over" and value is not None:
                low = high = value  # "killed over 24 hours" is the period, not "more than 24 hours"
            if kind == "duration" and re.match(r"\s+(?:ago|earlier)\b", t[end:end + 10], re.IGNORECASE):
                kind = "ago"  # "a decade ago", "three days earlier": when, not how long
        elif kind == "money":
            if um := _UNIT_AFTER.match(after):
                end += um.end()
        elif kind in ("count", "ordinal"):
            ranked = _RANKED_BY.match(t, end) if kind == "ordinal" else None
            if ranked:  # "second-largest city": ranks cities by size, not by smallness
                counts = f"{ranked.group('sup')} {ranked.group('noun')}"
            else:
                counts, _ = _counted_noun(t, end)
            if kind == "ordinal" and counts and (age := _AGE.match(counts)) and _POSSESSIVE_BEFORE.search(before):
                unit = _UNIT_KIND[age.group(1).lower()][1]  # "now in its 13th year": how long it has lasted
            if counts is None and kind == "count":
                # "the casualties of terrorists ... have reached 1000": the counted noun stands
                # before the number, in the same sentence.
                clause = re.split(r"[.;!?]\s", t[max(0, start - 300):start])[-1]
                fb = _COUNTED_FALLBACK.search(clause) or _COUNTED_BEFORE.search(clause)
                counts = fb.group("n") if fb and fb.group("n").lower() not in _NOT_COUNTED else None
                if counts is None and _OF_PRONOUN.match(t, end):
                    # "expelling terrorists ..., killing dozens of them": the last noun before
                    # it in the clause of a kind _COUNT_GROUPS knows (people, forces, towns)
                    counts = next((w for w in reversed(re.findall(r"[A-Za-z]+", clause))
                                   if stem(w.lower()) in _COUNT_GROUP_OF), None)
                if counts is None and (pv := _PEOPLE_VERB_BEFORE.search(t[max(0, start - 30):start])) \
                        and stem(pv.group(1).lower()) in _PEOPLE_VERBS:
                    counts = "people"  # "displaced millions", "killed 300": done to people
        consumed_until = end
        o_start, o_end = norm.original_span(start, end)
        figures.append(Figure(
            text=text[o_start:o_end], start=o_start, end=o_end, value=value, low=float(low), high=float(high),
            qualifier=qualifier, kind=kind, unit=unit, counts=counts,
            counts_key=(f"{stem(ranked.group('sup').lower())}-{count_key(ranked.group('noun'))}" if ranked
                        else count_key(counts) if kind in ("count", "ordinal") else None),
        ))
    return figures


# Units that convert, so "48 hours" meets "two days" and "100 km" meets "62 miles".
_IN_BASE_UNITS = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0, "weeks": 168.0, "months": 730.0, "years": 8766.0, "decades": 87660.0,
                  "km": 1.0, "m": 0.001, "miles": 1.609344, "t": 1.0, "kg": 0.001}


def _scale(f: Figure) -> float:
    return _IN_BASE_UNITS.get(f.unit, 1.0) if f.kind in ("duration", "ago", "distance", "mass") else 1.0


def age_as_duration(f: Figure) -> Figure | None:
    """An age ("in its 13th year") as how long it has lasted (12 to 13 years), else None."""
    if f.kind != "ordinal" or f.unit is None or f.value is None:
        return None
    return replace(f, kind="duration", low=max(0.0, f.value - 1), high=f.value, qualifier="in its")


def comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures measure the same kind of quantity and may be compared."""
    if a.kind != b.kind:
        return False
    if a.kind in ("count", "ordinal"):
        return a.counts_key is not None and a.counts_key == b.counts_key
    if a.kind in ("year", "duration", "ago", "distance", "mass"):
        return True
    return a.unit == b.unit


def consistent(a: Figure, b: Figure) -> bool:
    """Whether two comparable figures' intervals overlap. A bound stated as strict ("more than
    100", "less than 100") excludes its number, so those two do not overlap."""
    sa, sb = _scale(a), _scale(b)
    a_low, a_high, b_low, b_high = a.low * sa, a.high * sa, b.low * sb, b.high * sb
    eps = 1e-9 * max(1.0, abs(a_low), abs(b_low))
    a_low_strict = _QUALIFIERS.get(a.qualifier or "") == "above" and a.high == INF
    b_low_strict = _QUALIFIERS.get(b.qualifier or "") == "above" and b.high == INF
    a_high_strict = _QUALIFIERS.get(a.qualifier or "") == "under" and a.low == 0
    b_high_strict = _QUALIFIERS.get(b.qualifier or "") == "under" and b.low == 0
    if (a_low_strict or b_high_strict) and abs(a_low - b_high) <= eps:
        return False
    if (b_low_strict or a_high_strict) and abs(b_low - a_high) <= eps:
        return False
    return a_low <= b_high + eps and b_low <= a_high + eps


def states(passage_figure: Figure, claim_figure: Figure, share: float = 0.7) -> bool:
    """Whether a passage's figure says what a consistent claim figure says, not merely allows
    it: "about 300" states "more than 250", but "dozens" (24 to 99) does not state "more than
    80" (nor "83", nor "more than 50"), nor "at least 300" "about 600" (though it states "about
    300"). `share`: how much of a vague amount's interval must lie within the claim's
    ("thousands" / "several thousand": 0.75; "dozens" / "more than 50": 0.65)."""
    sp, sc = _scale(passage_figure), _scale(claim_figure)
    p_low, p_high = passage_figure.low * sp, passage_figure.high * sp
    c_low, c_high = claim_figure.low * sc, claim_figure.high * sc
    eps = 1e-9 * max(1.0, abs(p_low), abs(c_low))
    if c_low - eps <= p_low and p_high <= c_high + eps:
        return True  # within the claim's interval
    if passage_figure.value is not None and c_low - eps <= passage_figure.value * sp <= c_high + eps:
        return True  # the passage's number is within the claim's: "at least 300" for "about 300"
    if (INF not in (passage_figure.high, claim_figure.high) and None not in (passage_figure.value, claim_figure.value)
            and p_low - eps <= claim_figure.value * sc <= p_high + eps):
        return True  # a passage's number, qualified, holds the claim's: "about 1,000" for "1,000"
    if p_high == INF or p_high <= p_low or _QUALIFIERS.get(passage_figure.qualifier or "") in ("under", "atmost"):
        return False  # a bound alone ("fewer than 100") states no amount within it
    return (min(p_high, c_high) - max(p_low, c_low)) / (p_high - p_low) >= share


def figure_from_dict(d: dict) -> Figure:
    d = dict(d)
    d["high"] = INF if d.get("high") is None else d["high"]
    return Figure(**d)
