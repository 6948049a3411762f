"""Build the index: corpus -> sentences (offsets kept) -> analysis -> embeddings -> FAISS.

The result is a directory `<index_dir>/<index_version>/` holding `vectors.faiss`,
`passages.jsonl`, `sources.json` and, written last, `meta.json` with the sha256 of each file.
`index_version` hashes the corpus, the model files and this pipeline's own code and settings,
so any change to what an answer depends on gives a new version (and new cache keys).

Writes are atomic: everything goes to a temporary sibling directory that is renamed into
place, then the `CURRENT` pointer is replaced with `os.replace`. A crash at any point leaves
the previous index, and the pointer to it, untouched.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import shutil
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from index.corpus import Source, load_corpus
from index.segment import segment_article
from models.analysis import analyse
from models.embedder import Embedder, model_fingerprint

FORMAT = 1
CURRENT = "CURRENT"
FILES = ("vectors.faiss", "passages.jsonl", "sources.json")
# The code whose behaviour is baked into a built index: change it and the version changes.
_PIPELINE_MODULES = ("index/segment.py", "index/build.py", "models/analysis.py", "models/figures.py", "models/text.py")
_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildResult:
    path: Path
    index_version: str
    passages: int
    built: bool          # False when an identical index already existed
    seconds: float


def pipeline_fingerprint() -> str:
    h = hashlib.sha256(f"format={FORMAT}".encode())
    for rel in _PIPELINE_MODULES:
        h.update(rel.encode())
        h.update((_ROOT / rel).read_bytes())
    return h.hexdigest()


def compute_index_version(sources: list[Source], model_fp: str) -> str:
    h = hashlib.sha256()
    for s in sources:
        h.update(json.dumps(s.metadata(), sort_keys=True).encode())
        h.update(s.sha256.encode())
    h.update(model_fp.encode())
    h.update(pipeline_fingerprint().encode())
    return h.hexdigest()[:16]


def passages_of(sources: list[Source]) -> list[dict]:
    """Every reporting sentence of every source, with its analysis. Pure apart from CPU."""
    passages = []
    for s in sources:
        for i, sent in enumerate(segment_article(s.text)):
            if sent.boilerplate:
                continue
            a = analyse(sent.text)
            figures = []
            for f in a.figures:  # figure offsets become offsets into the source article
                d = f.to_dict()
                d["start"] += sent.char_start
                d["end"] += sent.char_start
                figures.append(d)
            passages.append({
                "passage_id": f"{s.id}:{i}", "source_id": s.id, "sentence_index": i,
                "char_start": sent.char_start, "char_end": sent.char_end, "text": sent.text,
                "analysis": {**a.to_dict(), "figures": figures},
            })
    return passages


def idf_table(passages: list[dict]) -> dict[str, float]:
    df = Counter(k for p in passages for k in set(p["analysis"]["keys"]))
    n = len(passages)
    return {k: round(math.log((n + 1) / (c + 1)) + 1.0, 6) for k, c in df.items()}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def build_lock(index_dir: Path):
    """One builder at a time per index directory (several gunicorn workers may start together)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read_current(index_dir: Path) -> str | None:
    try:
        return (index_dir / CURRENT).read_text().strip() or None
    except FileNotFoundError:
        return None


def point_current(index_dir: Path, version: str) -> None:
    tmp = index_dir / f".{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(version + "\n")
    with open(tmp) as f:
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)


def build_index(corpus_dir: str | Path, index_dir: str | Path, embedder: Embedder,
                model_fp: str | None = None, force: bool = False) -> BuildResult:
    """Build (or find) the index of `corpus_dir` under `index_dir` and point CURRENT at it."""
    t0 = time.perf_counter()
    index_dir = Path(index_dir)
    sources = load_corpus(corpus_dir)
    version = compute_index_version(sources, model_fp or model_fingerprint(embedder.model_path))
    final = index_dir / version
    with build_lock(index_dir):
        if (final / "meta.json").is_file() and not force:
            point_current(index_dir, version)
            n = json.loads((final / "meta.json").read_text())["passages"]
            return BuildResult(final, version, n, False, time.perf_counter() - t0)
        passages = passages_of(sources)
        if not passages:
            raise ValueError(f"{corpus_dir}: the corpus has no reporting sentences to index")
        embedder.warm_up()
        vectors = embedder.encode([p["text"] for p in passages])
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(vectors)

        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{version}-", dir=index_dir))
        try:
            faiss.write_index(index, str(tmp / "vectors.faiss"))
            with open(tmp / "passages.jsonl", "w", encoding="utf-8") as f:
                for p in passages:
                    f.write(json.dumps(p, ensure_ascii=False) + "\n")
            (tmp / "sources.json").write_text(json.dumps(
                [{**s.metadata(), "sha256": s.sha256, "passages": sum(p["source_id"] == s.id for p in passages)}
                 for s in sources], ensure_ascii=False, indent=1), encoding="utf-8")
            meta = {
                "format": FORMAT, "index_version": version, "model": embedder.name,
                "dimension": int(vectors.shape[1]), "passages": len(passages), "sources": len(sources),
                "faiss": "IndexFlatIP", "idf": idf_table(passages),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "files": {name: _sha256(tmp / name) for name in FILES},
            }
            for name in FILES:
                with open(tmp / name, "rb") as f:
                    os.fsync(f.fileno())
            (tmp / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
            _fsync_dir(tmp)
            if final.exists():
                shutil.rmtree(final)
            os.rename(tmp, final)
            _fsync_dir(index_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        point_current(index_dir, version)
    return BuildResult(final, version, len(passages), True, time.perf_counter() - t0)
