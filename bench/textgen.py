"""Distinct claims and passages for the benchmark, made from the seed corpus.

Every claim is a sentence a user could send about the seeds' events: the seed sentences
themselves and their clauses, the labelled evaluation claims, the same statements put in
another outlet's mouth or with another figure or day, and figure claims built from templates
over the seeds' actors, counts, places and outlets. Deterministic for a seed, each claim
distinct (a cache miss on a fresh cache prefix), none longer than the API's 1,000 characters.

Passages for the scale part recombine seed sentences: the opening clauses of one with the
closing clauses of another, figures and places swapped, so the texts look like the corpus
without repeating it.
"""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ACTORS = ["Russian strikes", "Russian airstrikes", "Syrian forces", "The Syrian army", "Russian and Syrian forces",
          "Syrian and Russian jets", "Government forces", "Airstrikes", "The Syrian military", "Russian warplanes",
          "HTS fighters", "The militants", "Joint operations with the Syrian Army", "Syrian Armed Forces units"]
COUNT_VERBS = ["killed", "eliminated", "wounded", "captured", "repelled", "neutralised"]
COUNTED = ["terrorists", "militants", "civilians", "soldiers", "fighters", "service members", "jihadists"]
QUALIFIERS = ["", "about ", "nearly ", "at least ", "more than ", "over ", "up to ", "around ", "almost "]
PLACES = ["in Aleppo", "in Idlib", "in Hama", "near Morek", "in the Hama countryside", "in the Latakia countryside",
          "in Aleppo and Idlib provinces", "around Aleppo", "in southern Idlib", "near Abu al-Duhur Airbase",
          "in northern Syria", "near the town of Salma", "in Basel Square", "north of Hama"]
PERIODS = ["", " over the past two days", " last week", " on Sunday", " on Saturday", " in three days",
           " over 24 hours", " since Thursday", " in the past week"]
OUTLETS = ["SANA", "Syrian media", "the Syrian General Command", "Russia's Defence Ministry", "Oleg Ignasyuk",
           "state media", "the Kyiv Post", "IRNA", "the Russian Reconciliation Center", "a military source",
           "the Syrian Ministry of Defense", "Reuters", "Damascus", "the White House"]
ATTRIBUTIONS = ["{o} said that {c}", "According to {o}, {c}", "{o} reported that {c}", "{o} claimed that {c}",
                "{o} denied that {c}"]
EVENTS = [
    "{a} has {v} its border with {b}", "{p} held talks with {q} on {d}", "{p} spoke by phone with {q}",
    "{p} said he would travel to {city}", "{city} has fallen to the militants", "{city} remains under government control",
    "The Syrian army withdrew from {city}", "Militants entered the city of {city}", "{p} vowed to eliminate terrorists",
    "{p} accused {b} of supporting terrorist groups", "{b} pledged support for Syria's territorial integrity",
]
COUNTRIES = ["Iraq", "Jordan", "Turkey", "Lebanon", "Iran", "Russia", "the United States", "Israel", "the UAE"]
PEOPLE = ["Assad", "Bashar al-Assad", "Abbas Araghchi", "Sergei Lavrov", "Hakan Fidan", "Mohammed Shia Al-Sudani",
          "Badra Gunba", "Sean Savett", "Oleg Ignatiuk", "Mohammed bin Zayed"]
CITIES = ["Aleppo", "Hama", "Idlib", "Damascus", "Tehran", "Latakia", "Tartus", "Hmeimim", "Morek", "Homs"]
DAYS = ["Sunday", "Saturday", "Friday", "Monday", "Thursday"]
_DEPENDENT_OPENERS = {"but", "and", "which", "who", "while", "as", "including", "with", "along", "thus", "where",
                      "asserting", "describing", "highlighting", "deploying", "killing", "delivering", "prompting",
                      "having", "reportedly", "without", "the", "its", "his", "he", "it", "they", "this"}
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_DAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_PLACE = re.compile(r"\b(Aleppo|Idlib|Hama|Latakia|Damascus|Tehran|Morek|Tartus|Hmeimim)\b")


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    """The reporting sentences of the seed corpus, as the index segments them."""
    from index.build import passages_of
    from index.corpus import load_corpus

    return tuple(p["text"] for p in passages_of(load_corpus(ROOT / "seeds")))


@lru_cache(maxsize=1)
def eval_claims() -> tuple[str, ...]:
    """The hand-labelled evaluation claims (tests/eval/claims), if present."""
    out = []
    for f in sorted((ROOT / "tests" / "eval" / "claims").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["claim"])
    return tuple(out)


def _clauses(sentence: str) -> list[str]:
    """Comma-separated pieces of a sentence with at least five words (a clause a claim could be)."""
    parts = [p.strip(" ,.;:“”\"'") for p in re.split(r",\s+", sentence)]
    return [p[0].upper() + p[1:] for p in parts
            if len(p.split()) >= 5 and p.split()[0].lower() not in _DEPENDENT_OPENERS]


def _figure(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 99), rng.randint(1, 40) * 10, rng.randint(1, 200) * 25, rng.randint(100, 5000)])
    return f"{n:,}"


def _template_figure_claim(rng: random.Random) -> str:
    return (f"{rng.choice(ACTORS)} {rng.choice(COUNT_VERBS)} {rng.choice(QUALIFIERS)}{_figure(rng)} "
            f"{rng.choice(COUNTED)} {rng.choice(PLACES)}{rng.choice(PERIODS)}")


def _template_event_claim(rng: random.Random) -> str:
    t = rng.choice(EVENTS)
    p, q = rng.sample(PEOPLE, 2)
    a, b = rng.sample(COUNTRIES, 2)
    return t.format(a=a, b=b, v=rng.choice(["closed", "opened", "reinforced"]), p=p, q=q, d=rng.choice(DAYS),
                    city=rng.choice(CITIES))


def _vary(sentence: str, rng: random.Random) -> str:
    """One variant of a statement: a clause of it, another figure, day or place, another outlet."""
    s = sentence.strip()
    r = rng.random()
    if r < 0.3 and _clauses(s):
        s = rng.choice(_clauses(s))
    if rng.random() < 0.5 and _NUMBER.search(s):
        s = _NUMBER.sub(lambda m: _figure(rng) if rng.random() < 0.7 else m.group(0), s, count=2)
    if rng.random() < 0.3 and _DAY.search(s):
        s = _DAY.sub(lambda m: rng.choice(DAYS), s, count=1)
    if rng.random() < 0.3 and _PLACE.search(s):
        s = _PLACE.sub(lambda m: rng.choice(CITIES), s, count=1)
    if rng.random() < 0.35:
        body = s[0].lower() + s[1:] if not s[:2].isupper() else s
        s = rng.choice(ATTRIBUTIONS).format(o=rng.choice(OUTLETS), c=body.rstrip("."))
        s = s[0].upper() + s[1:]
    return s


def claims(n: int, seed: int = 20241201) -> list[str]:
    """n distinct claims (deterministic for `seed`): about 35% figure templates, 15% event
    templates, 35% variants of seed sentences, 15% variants of the evaluation claims; the seed
    sentences and evaluation claims themselves come first, once each, in a shuffled order."""
    rng = random.Random(seed)
    seeds, evals = list(seed_sentences()), list(eval_claims())
    base = seeds + evals
    rng.shuffle(base)
    out: list[str] = []
    seen: set[str] = set()

    def add(c: str) -> None:
        c = " ".join(c.split())
        if 3 <= len(c) <= 1000 and c not in seen:
            seen.add(c)
            out.append(c)

    for c in base:
        if len(out) >= n:
            break
        add(c)
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > 50 * n + 1000:
            raise RuntimeError(f"could not make {n} distinct claims")
        r = rng.random()
        if r < 0.35:
            add(_template_figure_claim(rng))
        elif r < 0.50:
            add(_template_event_claim(rng))
        elif r < 0.85 or not evals:
            add(_vary(rng.choice(seeds), rng))
        else:
            add(_vary(rng.choice(evals), rng))
    return out[:n]


def passages(n: int, seed: int = 7) -> list[str]:
    """n distinct passages recombined from seed sentences: the first clause(s) of one sentence
    joined to the last clause(s) of another, then figures, days and places varied; the seed
    sentences themselves come first."""
    rng = random.Random(seed)
    sents = list(seed_sentences())
    split = [re.split(r"(?<=,)\s+", s) for s in sents]
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        p = " ".join(p.split())
        if p and p not in seen:
            seen.add(p)
            out.append(p)

    for s in sents:
        if len(out) >= n:
            break
        add(s)
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > 50 * n + 1000:
            raise RuntimeError(f"could not make {n} distinct passages")
        a, b = rng.choice(split), rng.choice(split)
        head = a[:rng.randint(1, len(a))] if len(a) > 1 else a
        tail = b[rng.randint(0, len(b) - 1):] if len(b) > 1 else b
        text = " ".join(head)
        if not text.endswith(","):
            text = text.rstrip(".”\"") + ","
        tail_text = " ".join(tail)
        p = f"{text} {tail_text[0].lower() + tail_text[1:] if not tail_text[:2].isupper() else tail_text}"
        if rng.random() < 0.6 and _NUMBER.search(p):
            p = _NUMBER.sub(lambda m: _figure(rng) if rng.random() < 0.6 else m.group(0), p)
        if rng.random() < 0.4:
            p = _PLACE.sub(lambda m: rng.choice(CITIES) if rng.random() < 0.5 else m.group(0), p)
        if rng.random() < 0.3:
            p = _DAY.sub(lambda m: rng.choice(DAYS), p)
        add(p)
    return out[:n]
