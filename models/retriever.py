"""Where passages come from: dense (FAISS over MiniLM vectors) and lexical (BM25 over the same
match keys the stance scorer uses) candidates, fused by reciprocal rank.

Dense search finds paraphrases; BM25 finds rare names ("Badra Gunba", "Morek") that an
embedding of a whole sentence may not rank high. Reciprocal rank fusion needs no score
calibration between the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from index.build import lexical_tokens
from index.store import IndexStore


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
    (larger flattens the weight of the first ranks)."""

    candidates: int = 24
    per_retriever: int = 40
    rrf_k: int = 60

    def __post_init__(self):
        if min(self.candidates, self.per_retriever, self.rrf_k) < 1:
            raise ValueError("retrieval settings must be >= 1")


class HybridRetriever:
    def __init__(self, store: IndexStore, settings: RetrievalSettings | None = None):
        self.store = store
        self.settings = settings or RetrievalSettings()

    def retrieve(self, claims: Sequence[str], vectors: np.ndarray, top_k: int,
                 sources: Sequence[str] | None = None) -> list[list[Candidate]]:
        s = self.settings
        depth = max(s.per_retriever, 4 * top_k)
        dense = self.store.search(vectors, depth, list(sources) if sources else None)
        lexical = self.store.lexical_search([lexical_tokens(c) for c in claims], depth,
                                            list(sources) if sources else None)
        out = []
        for vector, dense_hits, lexical_hits in zip(vectors, dense, lexical):
            fused: dict[int, float] = {}
            for hits in (dense_hits, lexical_hits):
                for rank, (row, _) in enumerate(hits):
                    fused[row] = fused.get(row, 0.0) + 1.0 / (s.rrf_k + rank + 1)
            similarity = dict(dense_hits)
            keep = sorted(fused, key=fused.get, reverse=True)[:max(s.candidates, 4 * top_k)]
            missing = [r for r in keep if r not in similarity]
            if missing:
                stored = np.vstack([self.store.index.reconstruct(r) for r in missing])
                similarity.update(zip(missing, (stored @ vector).tolist()))
            out.append([Candidate(r, float(similarity[r]), fused[r]) for r in keep])
        return out
