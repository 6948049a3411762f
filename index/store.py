"""Load a built index (read-only) and search it.

Loading checks every file against the sha256 recorded in `meta.json`; a missing, truncated
or altered file is an `IndexError_` naming the file, never a wrong answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import bm25s
import faiss
import numpy as np

from index import ann
from index.build import CURRENT, FILES, FORMAT, read_current, sha256_file
from models.analysis import TextAnalysis


class IndexLoadError(RuntimeError):
    """A built index cannot be used; the message names the file and what is wrong with it."""


@dataclass(frozen=True)
class Passage:
    passage_id: str
    source_id: str
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    analysis: TextAnalysis
    context: dict | None       # the sentence before: offsets, text, whether this one opens with a pronoun, its keys
    attribution: dict          # who asserts it, and whether it is hedged


class IndexStore:
    """A loaded index: FAISS vectors, passages with their analysis, sources, idf."""

    def __init__(self, path: Path, meta: dict, index: faiss.Index, passages: list[Passage], sources: list[dict],
                 lexical: "bm25s.BM25"):
        self.path = path
        self.lexical = lexical
        self.meta = meta
        self.index = index
        self.passages = passages
        self.sources = {s["id"]: s for s in sources}
        rows: dict[str, list[int]] = {sid: [] for sid in self.sources}
        for i, p in enumerate(passages):
            rows[p.source_id].append(i)
        self._rows_of_source = {sid: np.array(r, dtype=np.int64) for sid, r in rows.items()}

    def rows_of(self, source_id: str) -> np.ndarray:
        """The rows of a source's passages, in order."""
        return self._rows_of_source[source_id]

    @property
    def version(self) -> str:
        return self.meta["index_version"]

    @property
    def idf(self) -> dict[str, float]:
        return self.meta["idf"]

    @classmethod
    def load(cls, index_dir: str | Path, version: str | None = None, nprobe: int | None = None,
             ef_search: int | None = None) -> "IndexStore":
        """The index `version` (default: the one CURRENT names), checked file by file.

        nprobe / ef_search: how deep an approximate (IVF / HNSW) index searches; None keeps the
            setting it was built with. Ignored for an exact index.
        """
        index_dir = Path(index_dir)
        version = version or read_current(index_dir)
        if not version:
            raise IndexLoadError(f"{index_dir / CURRENT}: no built index (run: python -m index build)")
        path = index_dir / version
        meta_path = path / "meta.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise IndexLoadError(f"{meta_path}: missing; the index {version} is incomplete") from e
        except ValueError as e:
            raise IndexLoadError(f"{meta_path}: not valid JSON ({e})") from e
        if meta.get("format") != FORMAT or meta.get("index_version") != version:
            raise IndexLoadError(f"{meta_path}: format {meta.get('format')} / version {meta.get('index_version')} "
                                 f"does not match the expected {FORMAT} / {version}")
        for name in sorted(set(FILES) | set(meta.get("files", {}))):
            f = path / name
            if not f.is_file():
                raise IndexLoadError(f"{f}: missing")
            if name not in meta["files"] or sha256_file(f) != meta["files"][name]:
                raise IndexLoadError(f"{f}: checksum mismatch (corrupted or half-written); rebuild the index")
        try:
            index = faiss.read_index(str(path / "vectors.faiss"))
            lexical = bm25s.BM25.load(str(path / "bm25"), show_progress=False)
            passages = []
            with open(path / "passages.jsonl", encoding="utf-8") as fh:
                for line in fh:
                    d = json.loads(line)
                    d["analysis"] = TextAnalysis.from_dict(d["analysis"])
                    passages.append(Passage(**d))
            sources = json.loads((path / "sources.json").read_text(encoding="utf-8"))
        except (RuntimeError, ValueError, KeyError, TypeError) as e:
            raise IndexLoadError(f"{path}: unreadable index files ({e})") from e
        ann.set_search_params(index, nprobe=nprobe, ef_search=ef_search)
        if index.ntotal != len(passages):
            raise IndexLoadError(f"{path / 'vectors.faiss'}: {index.ntotal} vectors for {len(passages)} passages")
        return cls(path, meta, index, passages, sources, lexical)

    def _rows_within(self, sources: list[str]) -> np.ndarray:
        return np.concatenate([self._rows_of_source[s] for s in sources])

    def search(self, vectors: np.ndarray, k: int, sources: list[str] | None = None) -> list[list[tuple[int, float]]]:
        """Top-k (row, cosine) per query vector, optionally only within `sources`."""
        params = None
        if sources:
            rows = self._rows_within(sources)
            k = min(k, len(rows))
            params = ann.search_parameters(self.index, faiss.IDSelectorBatch(rows))  # keeps nprobe / efSearch
        k = min(k, self.index.ntotal)
        if k <= 0:
            return [[] for _ in range(len(vectors))]
        scores, ids = self.index.search(vectors, k, params=params)
        return [[(int(i), float(s)) for i, s in zip(id_row, sc_row) if i >= 0] for id_row, sc_row in zip(ids, scores)]

    def lexical_search(self, queries: list[list[str]], k: int, sources: list[str] | None = None) -> list[list[tuple[int, float]]]:
        """Top-k (row, BM25 score) per tokenised query; rows with score 0 are left out."""
        vocab = self.lexical.vocab_dict
        mask = None
        if sources:
            mask = np.zeros(len(self.passages), dtype=np.float32)
            mask[self._rows_within(sources)] = 1.0
        k = min(k, len(self.passages))
        out = []
        for tokens in queries:
            known = [t for t in tokens if t in vocab]
            if not known or k <= 0:
                out.append([])
                continue
            scores = self.lexical.get_scores(known)
            if mask is not None:
                scores = scores * mask
            top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
            top = top[np.argsort(-scores[top])]
            out.append([(int(i), float(scores[i])) for i in top if scores[i] > 0])
        return out
