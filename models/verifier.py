"""The one path a claim takes: analyse -> retrieve -> stance per passage -> verdict.

`Verifier.verify_many` is called by the HTTP endpoints (single and batch), the CLI and the
evaluation alike; they differ only in how claims come in and results go out. It returns plain
dicts in the shape of the API response (without the `cached` flag, which is the cache's).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from index.store import IndexStore, Passage
from models.analysis import analyse
from models.embedder import Embedder
from models.stance import NEUTRAL, PassageView, Stance, StanceScorer
from models.verdict import decide

_SOURCE_FIELDS = ("id", "title", "url", "outlet", "published")


@dataclass
class RetrievalSettings:
    """min_candidates: passages scored per claim at the least, whatever top_k is.
    candidates_per_result: passages scored per requested result (top_k * this).
    lexical_min_idf: claim words at least this rare also pull in every passage containing them,
        so a rare name is found even when the embedding does not rank its passage high."""

    min_candidates: int = 30
    candidates_per_result: int = 4
    lexical_min_idf: float = 3.0

    def __post_init__(self):
        if self.min_candidates < 1 or self.candidates_per_result < 1:
            raise ValueError("candidate counts must be >= 1")


class Verifier:
    def __init__(self, store: IndexStore, embedder: Embedder, scorer: StanceScorer,
                 retrieval: RetrievalSettings | None = None):
        self.store = store
        self.embedder = embedder
        self.scorer = scorer
        self.retrieval = retrieval or RetrievalSettings()
        self._rows_of_key: dict[str, list[int]] = defaultdict(list)
        for row, p in enumerate(store.passages):
            for k in p.analysis.keys:
                self._rows_of_key[k].append(row)

    @property
    def index_version(self) -> str:
        return self.store.version

    def verify(self, claim: str, top_k: int = 5, sources: Sequence[str] | None = None) -> dict:
        return self.verify_many([claim], top_k, sources)[0]

    def verify_many(self, claims: Sequence[str], top_k: int = 5, sources: Sequence[str] | None = None) -> list[dict]:
        if not claims:
            return []
        unknown = [s for s in (sources or ()) if s not in self.store.sources]
        if unknown:
            raise KeyError(f"unknown source ids: {', '.join(unknown)}")
        vectors = self.embedder.encode(list(claims))
        n_candidates = max(self.retrieval.min_candidates, top_k * self.retrieval.candidates_per_result)
        hits = self.store.search(vectors, n_candidates, list(sources) if sources else None)
        return [self._verify_one(c, v, h, top_k, set(sources or ())) for c, v, h in zip(claims, vectors, hits)]

    def _lexical_rows(self, keys: Sequence[str], allowed: set[str]) -> set[int]:
        idf = self.store.idf
        rows: set[int] = set()
        for k in keys:
            if idf.get(k, 0.0) >= self.retrieval.lexical_min_idf:
                rows.update(r for r in self._rows_of_key.get(k, ())
                            if not allowed or self.store.passages[r].source_id in allowed)
        return rows

    def _verify_one(self, claim: str, vector: np.ndarray, hits: list[tuple[int, float]], top_k: int,
                    allowed: set[str]) -> dict:
        analysis = analyse(claim)
        similarity = dict(hits)
        for row in self._lexical_rows(analysis.keys, allowed) - similarity.keys():
            similarity[row] = float(np.dot(self.store.index.reconstruct(row), vector))
        rows = list(similarity)
        passages = [self.store.passages[r] for r in rows]
        views = [PassageView(p.text, p.analysis, similarity[r]) for p, r in zip(passages, rows)]
        stances = self.scorer.score(claim, analysis, views)
        verdict = decide(stances, [p.source_id for p in passages])
        ranked = sorted(zip(passages, views, stances),
                        key=lambda x: (x[2].label == NEUTRAL, -x[2].relevance, -x[1].similarity))
        evidence = [self._evidence(p, v, s) for p, v, s in ranked
                    if s.label != NEUTRAL or s.relevance >= getattr(self.scorer, "relevance_floor", 0.3)][:top_k]
        return {
            "claim": claim,
            "verdict": verdict.label,
            "confidence": verdict.confidence,
            "evidence": evidence,
            "claim_figures": [f.to_dict() for f in analysis.figures],
            "index_version": self.index_version,
            "model": self.embedder.name,
            "stance_model": self.scorer.name,
        }

    def _evidence(self, p: Passage, view: PassageView, stance: Stance) -> dict:
        src = self.store.sources[p.source_id]
        return {
            "passage_id": p.passage_id,
            "text": p.text,
            "source": {k: src.get(k) for k in _SOURCE_FIELDS},
            "sentence_index": p.sentence_index,
            "char_start": p.char_start,
            "char_end": p.char_end,
            "similarity": round(view.similarity, 4),
            "relevance": stance.relevance,
            "stance": stance.label,
            "stance_score": stance.score,
            "figures": [f.to_dict() for f in p.analysis.figures],
            "reasons": stance.reasons,
        }
