"""The one path a claim takes: analyse -> retrieve -> stance per passage -> verdict.

`Verifier.verify_many` is called by the HTTP endpoints (single and batch), the CLI and the
evaluation alike; they differ only in how claims come in and results go out. It returns plain
dicts in the shape of the API response (without the `cached` flag, which is the cache's).
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Sequence

import numpy as np

from index import ann
from index.store import IndexStore, Passage
from models.analysis import TextAnalysis, analyse
from models.embedder import Embedder
from models.figures import Figure, consistent
from models.retriever import Candidate, HybridRetriever, RetrievalSettings
from models.stance import NEUTRAL, SUPPORTS, SYNONYMS, PassageView, Stance, StanceScorer, same_quantity_event
from models.verdict import decide

_SOURCE_FIELDS = ("id", "title", "url", "outlet", "published")
# The code an answer's stance and verdict come from (models/ beside this file).
_DECIDING_FILES = tuple(Path(__file__).with_name(n) for n in (
    "analysis.py", "attribution.py", "figures.py", "lexicon.py", "retriever.py", "stance.py", "text.py", "verdict.py",
    "verifier.py"))


def _states_around(claim_keys: Sequence[str], name: str, passage_keys: Sequence[str], names: Sequence[str]) -> bool:
    """Whether a passage itself has the claim's word right after one of its names, or a
    synonym ("Russian military intelligence": military; "the Dunmore bridge": bridge), where
    one follows: then it restates what is said of the name, and is not only continuing the
    sentence before. A name that ends the claim ("captured the town of Pellan") is taken as
    restated: the word before it may be a noun the passage leaves out ("town"), or a verb it
    says in another word ("seized"): a review's probes."""
    keys = [k for k in claim_keys if k == name or k not in names]  # the rest of a name is not a word about it
    if name not in keys:
        return True
    i = keys.index(name)
    if i + 1 == len(keys):
        return True
    word = keys[i + 1]
    return word in passage_keys or bool(SYNONYMS.get(word, frozenset()) & set(passage_keys))


@dataclass
class PresentationSettings:
    """duplicate_similarity: passages from other outlets this close in embedding (cosine) are
        one statement repeated, shown once with the other places it appears;
    comparison_relevance: a passage's figures enter the figures comparison from this relevance."""

    duplicate_similarity: float = 0.9
    comparison_relevance: float = 0.35


@dataclass
class _Scored:
    passage: Passage
    candidate: Candidate
    stance: Stance


class Verifier:
    # Claims per encode when a list is long enough to overlap encoding with scoring: large
    # enough that a chunk's encode outlasts thread hand-over, small enough that the first
    # chunk's encode (not overlapped) is a small part of a batch.
    pipeline_chunk: int = 32

    def __init__(self, store: IndexStore, embedder: Embedder, scorer: StanceScorer,
                 retrieval: RetrievalSettings | None = None, presentation: PresentationSettings | None = None):
        self.store = store
        self.embedder = embedder
        self.scorer = scorer
        self.retriever = HybridRetriever(store, retrieval)
        self.presentation = presentation or PresentationSettings()
        self._topics: dict[str, int | None] = {}  # source id -> the country its article is about
        self._article_names: dict[str, object] = {}  # source id -> the names its article uses
        self._short_names_of_row: dict[int, tuple] = {}  # row -> (long_forms, full_names) of its short names
        self._militants: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # source id -> (militant names, one group's)

    @property
    def index_version(self) -> str:
        return self.store.version

    @cached_property
    def answer_version(self) -> str:
        """What an answer depends on beyond the claim: the index and how deep it is searched
        (nprobe / efSearch), the scorer and the code that decides. Cache keys include it, so a
        new scorer, a fixed rule or another search depth never serves old answers."""
        search = json.dumps(ann.set_search_params(self.store.index), sort_keys=True)
        h = hashlib.sha256(f"{self.index_version}|{search}|{self.scorer.fingerprint}".encode())
        for path in _DECIDING_FILES:
            h.update(path.read_bytes())
        return h.hexdigest()[:16]

    def verify(self, claim: str, top_k: int = 5, sources: Sequence[str] | None = None) -> dict:
        return self.verify_many([claim], top_k, sources)[0]

    def verify_many(self, claims: Sequence[str], top_k: int = 5, sources: Sequence[str] | None = None) -> list[dict]:
        if not claims:
            return []
        unknown = [s for s in (sources or ()) if s not in self.store.sources]
        if unknown:
            raise KeyError(f"unknown source ids: {', '.join(unknown)}")
        chunk = self.pipeline_chunk
        if len(claims) <= chunk:
            return self._verify_encoded(claims, self.embedder.encode(list(claims)), top_k, sources)
        # A long list: the next chunk is encoded on a second thread while this one is scored.
        # ONNX Runtime and FAISS release the GIL, so encoding (one core) and the Python stance
        # scoring (the other) overlap instead of taking turns.
        # Chunks of claims of similar length, as one encode of the whole list would sort them:
        # less padding (1,000 claims in chunks of 32: 8.6 s unsorted, 7.7 s sorted, 7.6 s whole).
        order = sorted(range(len(claims)), key=lambda i: len(claims[i]))
        chunks = [order[i:i + chunk] for i in range(0, len(order), chunk)]
        out: list[dict | None] = [None] * len(claims)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode-ahead") as pool:
            pending = pool.submit(self.embedder.encode, [claims[i] for i in chunks[0]])
            for n, part in enumerate(chunks):
                vectors = pending.result()
                if n + 1 < len(chunks):
                    pending = pool.submit(self.embedder.encode, [claims[i] for i in chunks[n + 1]])
                for i, result in zip(part, self._verify_encoded([claims[i] for i in part], vectors, top_k, sources)):
                    out[i] = result
        return out

    def _verify_encoded(self, claims: Sequence[str], vectors: np.ndarray, top_k: int,
                        sources: Sequence[str] | None) -> list[dict]:
        candidates = self.retriever.retrieve(claims, vectors, top_k, sources)
        return [self._verify_one(c, v, cands, top_k) for c, v, cands in zip(claims, vectors, candidates)]

    def _topic(self, source_id: str) -> int | None:
        """The country a source's article is about, worked out when a claim first meets it."""
        if source_id not in self._topics:
            article_country = getattr(self.scorer, "article_country", None)
            self._topics[source_id] = article_country(
                self.store.passages[int(i)].text for i in self.store.rows_of(source_id)) if article_country else None
        return self._topics[source_id]

    def _names_from_article(self, p: Passage, row: int) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...],
                                                                 tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """What a passage's short names stand for in its article (the country of an organ, the
        full name of a person named by surname, the group its "terrorists" are, the full name of
        whom its opening "He" or "She" refers to), worked out when first met."""
        if row not in self._short_names_of_row:
            long_forms = getattr(self.scorer, "long_forms", None)
            if long_forms is None:
                self._short_names_of_row[row] = ((), (), (), ())
            else:
                if p.source_id not in self._article_names:
                    self._article_names[p.source_id] = self.scorer.article_names(
                        self.store.passages[int(i)].text for i in self.store.rows_of(p.source_id))
                article = self._article_names[p.source_id]
                context = (p.context or {}).get("text", "")
                self._short_names_of_row[row] = (long_forms(p.text, article), self.scorer.full_names(p.text, article),
                                                 self.scorer.group_names(p.text, article, context),
                                                 self.scorer.subject_full_names(p.text, context, article))
        return self._short_names_of_row[row]

    def _militant_names(self, source_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The names a source's article gives groups of the militants' side, and those names
        where they are one group's, once the article's names are read (`_names_from_article`)."""
        if source_id not in self._militants:
            article = self._article_names.get(source_id)
            militant_names = getattr(self.scorer, "militant_names", None)
            militant_group = getattr(self.scorer, "militant_group", None)
            if article is None or militant_names is None or militant_group is None:
                return (), ()
            self._militants[source_id] = (militant_names(article), militant_group(article))
        return self._militants[source_id]

    def _view(self, p: Passage, c: Candidate) -> PassageView:
        ctx = p.context  # present only when the passage refers back to it
        who = p.attribution.get("asserted_by")
        topic = self._topic(p.source_id)
        long_forms, full_names, group_names, context_full_names = self._names_from_article(p, c.row)
        militants, militant_group = self._militant_names(p.source_id)
        if not ctx:
            return PassageView(p.text, p.analysis, c.similarity, asserted_by=who, topic_country=topic,
                               char_start=p.char_start, long_forms=long_forms, full_names=full_names,
                               group_names=group_names, militant_names=militants,
                               militant_group=militant_group)
        return PassageView(p.text, p.analysis, c.similarity, tuple(ctx["keys"]), 1.0, names_only=not ctx["anaphoric"],
                           asserted_by=who, names_beyond=tuple(ctx.get("names_beyond", ())), topic_country=topic,
                           char_start=p.char_start, long_forms=long_forms, full_names=full_names,
                           context_text=ctx.get("text", ""), group_names=group_names,
                           context_full_names=context_full_names, militant_names=militants,
                           militant_group=militant_group)

    def _context_row(self, p: Passage) -> int | None:
        """The row of the sentence a passage is read with (its context), if it is a passage."""
        wanted = p.context["sentence_index"]
        rows = self.store.rows_of(p.source_id)
        return next((int(r) for r in rows if self.store.passages[int(r)].sentence_index == wanted), None)

    def _context_conflicts(self, claim: str, analysis: TextAnalysis, vector: np.ndarray,
                           passages: list[Passage], candidates: list[Candidate], stances: list[Stance]) -> list[Stance]:
        """A passage read with the sentence before speaks of what that sentence describes: where
        that sentence names another of the claim's kind in a name's place (a swap), and the
        passage does not itself say the claim's word after that name (`_states_around`), it
        does not support the claim ("It reported that the unit ... trained the terrorists ... in the conflict
        with Russia" after "... the Khimik Group, a unit of the Ukrainian military
        intelligence" does not say "a unit of Russian military intelligence"). Not another kind
        of conflict there ("Norland initially refused ... It later agreed" corrects it), nor a
        passage that restates the name's place ("The brigade attacked Kessel on Monday. It
        attacked Pellan on Friday"): reviews' probes."""
        stance_of_row = {c.row: s for c, s in zip(candidates, stances)}
        out = list(stances)
        for i, (p, s) in enumerate(zip(passages, stances)):
            if s.label != SUPPORTS or not p.context:
                continue
            row = self._context_row(p)
            if row is None:
                continue
            if row not in stance_of_row:
                before = self.store.passages[row]
                similarity = float(self.store.index.reconstruct(row) @ vector)
                stance_of_row[row] = self.scorer.score(claim, analysis, [self._view(before, Candidate(row, similarity, 0.0))])[0]
            swapped = stance_of_row[row].swapped
            unsaid = [k for k in swapped if not _states_around(analysis.keys, k, p.analysis.keys, swapped)]
            if unsaid:
                out[i] = Stance(NEUTRAL, s.score, s.relevance, s.coverage, s.reasons + [
                    "not counted as support: the sentence it is read with names another in the claim's place ("
                    + "; ".join(stance_of_row[row].reasons[:1]) + ")"])
        return out

    def _verify_one(self, claim: str, vector: np.ndarray, candidates: list[Candidate], top_k: int) -> dict:
        analysis = analyse(claim, denial_negates=False)
        passages = [self.store.passages[c.row] for c in candidates]
        stances = self.scorer.score(claim, analysis, [self._view(p, c) for p, c in zip(passages, candidates)])
        stances = self._context_conflicts(claim, analysis, vector, passages, candidates, stances)
        verdict = decide(stances, [p.source_id for p in passages])
        scored = sorted((_Scored(p, c, s) for p, c, s in zip(passages, candidates, stances)),
                        key=lambda x: (x.stance.label == NEUTRAL, -x.stance.relevance, -x.candidate.similarity))
        floor = self.scorer.relevance_floor
        shown = [x for x in scored if x.stance.label != NEUTRAL or x.stance.relevance >= floor]
        return {
            "claim": claim,
            "verdict": verdict.label,
            "confidence": verdict.confidence,
            "evidence": self._grouped_evidence(shown, top_k),
            "claim_figures": [f.to_dict() for f in analysis.figures],
            "figure_comparison": self._figure_comparison(analysis, scored),
            "index_version": self.index_version,
            "model": self.embedder.name,
            "stance_model": self.scorer.name,
        }

    def _grouped_evidence(self, shown: list[_Scored], top_k: int) -> list[dict]:
        """One entry per statement: near-identical passages (one quote carried by several
        outlets) join the first, best-ranked one as `also_in`."""
        if not shown:
            return []
        vectors = np.vstack([self.store.index.reconstruct(x.candidate.row) for x in shown])
        cosine = vectors @ vectors.T
        taken: set[int] = set()
        out = []
        for i, x in enumerate(shown):
            if i in taken:
                continue
            twins, sources = [], {x.passage.source_id}
            for j in range(i + 1, len(shown)):  # one statement repeated by other outlets, once each
                if (j not in taken and shown[j].passage.source_id not in sources
                        and cosine[i, j] >= self.presentation.duplicate_similarity):
                    twins.append(j)
                    sources.add(shown[j].passage.source_id)
            taken.update(twins)
            item = self._evidence(x)
            item["also_in"] = [self._placement(shown[j]) for j in twins]
            out.append(item)
            if len(out) == top_k:
                break
        return out

    def _placement(self, x: _Scored) -> dict:
        p = x.passage
        return {"passage_id": p.passage_id, "source": self._source(p.source_id), "sentence_index": p.sentence_index,
                "char_start": p.char_start, "char_end": p.char_end, "text": p.text, "stance": x.stance.label,
                "attribution": p.attribution}

    def _source(self, source_id: str) -> dict:
        src = self.store.sources[source_id]
        return {k: src.get(k) for k in _SOURCE_FIELDS}

    def _evidence(self, x: _Scored) -> dict:
        p, stance = x.passage, x.stance
        ctx = p.context
        return {
            "passage_id": p.passage_id,
            "text": p.text,
            "source": self._source(p.source_id),
            "sentence_index": p.sentence_index,
            "char_start": p.char_start,
            "char_end": p.char_end,
            "context": {k: ctx[k] for k in ("sentence_index", "char_start", "char_end", "text")} if ctx else None,
            "similarity": round(x.candidate.similarity, 4),
            "relevance": stance.relevance,
            "stance": stance.label,
            "stance_score": stance.score,
            "attribution": p.attribution,
            "figures": [f.to_dict() for f in p.analysis.figures],
            "reasons": stance.reasons,
        }

    def _figure_comparison(self, claim: TextAnalysis, scored: list[_Scored]) -> list[dict]:
        """For each figure of the claim: what the corpus says of the same quantity, by source."""
        out = []
        names = self.scorer.name_keys
        claim_contexts = claim.figure_contexts or ((),) * len(claim.figures)
        for cf, c_ctx in zip(claim.figures, claim_contexts):
            seen, reports = set(), []
            for x in scored:
                if x.stance.relevance < self.presentation.comparison_relevance:
                    continue
                pa = x.passage.analysis
                for pf, p_ctx in zip(pa.figures, pa.figure_contexts or ((),) * len(pa.figures)):
                    key = (x.passage.source_id, pf.text, pf.start)
                    if not same_quantity_event(cf, c_ctx, pf, p_ctx, names) or key in seen:
                        continue
                    seen.add(key)
                    reports.append((pf, x))
            if not reports and cf.kind not in ("count", "year"):
                continue
            figures = [pf for pf, _ in reports]
            out.append({
                "claim_figure": cf.to_dict(),
                "corpus": [{"source": self._source(x.passage.source_id), "passage_id": x.passage.passage_id,
                            "figure": pf.to_dict(), "agrees_with_claim": consistent(cf, pf),
                            "attribution": x.passage.attribution} for pf, x in reports],
                "sources_agree": _all_consistent(figures) if figures else None,
            })
        return out


def _all_consistent(figures: list[Figure]) -> bool:
    return all(consistent(a, b) for i, a in enumerate(figures) for b in figures[i + 1:])

