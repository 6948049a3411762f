"""Where passages come from: dense (FAISS over MiniLM vectors) and lexical (BM25 over the same
match keys the stance scorer uses) candidates, fused by reciprocal rank.

Dense search finds paraphrases; BM25 finds rare names ("Badra Gunba", "Morek") that an
embedding of a whole sentence may not rank high. Reciprocal rank fusion needs no score
calibration between the two. A claim that says who took, holds or lost a place also gets the
passages that say so of that place (`place_control`), however they word it: "failed to
establish positions in Pellan" shares one word with "lost control of Pellan", and that word
with every other passage on Pellan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from index.build import lexical_tokens
from index.store import IndexStore
from models.stance import place_control


@dataclass(frozen=True)
class Candidate:
    row: int
    similarity: float   # cosine between claim and passage (computed for lexical-only hits too)
    fused: float        # reciprocal-rank fusion score


@dataclass
class RetrievalSettings:
    """candidates: passages kept per claim after fusion (the stance scorer reads them all; 24
        gave the same evaluation as 40, every verdict and recall@5 alike, for 40% less scoring);
    per_retriever: how deep each retriever's list is read; rrf_k: the fusion constant
    (larger flattens the weight of the first ranks); holding: at most how many passages that
    say who took, holds or lost the place a claim speaks of so are added, the nearest first."""

    candidates: int = 24
    per_retriever: int = 40
    rrf_k: int = 60
    holding: int = 8

    def __post_init__(self):
        if min(self.candidates, self.per_retriever, self.rrf_k) < 1 or self.holding < 0:
            raise ValueError("retrieval settings: candidates, per_retriever and rrf_k must be >= 1, holding >= 0")


class HybridRetriever:
    def __init__(self, store: IndexStore, settings: RetrievalSettings | None = None):
        self.store = store
        self.settings = settings or RetrievalSettings()
        self._holding: dict[str, tuple[int, ...]] | None = None  # place key -> rows that say who holds it

    def warm_up(self) -> None:
        """Read who holds which place from every passage now, not on the first claim about one."""
        self.rows_holding("")

    def rows_holding(self, place: str) -> tuple[int, ...]:
        """Rows of the passages that say who took, holds or lost a place, by the place's key;
        read from every passage once (`warm_up`, or when first asked)."""
        if self._holding is None:
            holding: dict[str, list[int]] = {}
            for row, p in enumerate(self.store.passages):
                for k in {k for f in place_control(p.text) for k in f.place}:
                    holding.setdefault(k, []).append(row)
            self._holding = {k: tuple(v) for k, v in holding.items()}
        return self._holding.get(place, ())

    def _similarities(self, rows: Sequence[int], vector: np.ndarray) -> list[float]:
        """Cosine of the claim with stored passages the dense search did not return."""
        return (np.vstack([self.store.index.reconstruct(r) for r in rows]) @ vector).tolist()

    def _holding_rows(self, claim: str, keep: list[int], sources: Sequence[str] | None) -> set[int]:
        """The rows beyond `keep` that say who holds every place the claim says was taken or lost."""
        out: set[int] = set()
        for f in place_control(claim) if self.settings.holding else ():
            rows = set.intersection(*(set(self.rows_holding(k)) for k in f.place)) if f.place else set()
            out |= rows
        out -= set(keep)
        if sources:
            out = {r for r in out if self.store.passages[r].source_id in sources}
        return out

    def retrieve(self, claims: Sequence[str], vectors: np.ndarray, top_k: int,
                 sources: Sequence[str] | None = None) -> list[list[Candidate]]:
        s = self.settings
        depth = max(s.per_retriever, 4 * top_k)
        dense = self.store.search(vectors, depth, list(sources) if sources else None)
        lexical = self.store.lexical_search([lexical_tokens(c) for c in claims], depth,
                                            list(sources) if sources else None)
        out = []
        for claim, vector, dense_hits, lexical_hits in zip(claims, vectors, dense, lexical):
            fused: dict[int, float] = {}
            for hits in (dense_hits, lexical_hits):
                for rank, (row, _) in enumerate(hits):
                    fused[row] = fused.get(row, 0.0) + 1.0 / (s.rrf_k + rank + 1)
            similarity = dict(dense_hits)
            keep = sorted(fused, key=fused.get, reverse=True)[:max(s.candidates, 4 * top_k)]
            held = sorted(self._holding_rows(claim, keep, sources))
            if held:
                for v, r in sorted(zip(self._similarities(held, vector), held), reverse=True)[:s.holding]:
                    similarity[r], fused[r] = v, 0.0
                    keep.append(r)
            missing = [r for r in keep if r not in similarity]
            if missing:
                similarity.update(zip(missing, self._similarities(missing, vector)))
            out.append([Candidate(r, float(similarity[r]), fused[r]) for r in keep])
        return out
