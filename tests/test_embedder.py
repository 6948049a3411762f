"""The two encoders: the ONNX Runtime path the service uses by default, checked against
sentence-transformers on the same model (real weights, every seed sentence)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from index.build import embedding_text, passages_of
from index.corpus import load_corpus
from models.embedder import (OnnxEmbedder, SentenceTransformerEmbedder, default_model_path, default_onnx_path,
                             make_embedder)
from service.settings import Settings, SettingsError
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    return [embedding_text(p) for p in passages_of(load_corpus(SEEDS))]


@pytest.fixture(scope="module")
def reference() -> SentenceTransformerEmbedder:
    e = make_embedder("sentence-transformers")
    e.warm_up()
    return e


def test_default_encoder_is_onnx_runtime_on_the_default_model():
    e = make_embedder()
    assert isinstance(e, OnnxEmbedder)
    assert e.onnx_path == default_onnx_path() and e.model_path == default_model_path()
    assert e.name == "all-MiniLM-L6-v2 (ONNX int8)"
    assert e.max_seq_length == 256  # from the folder's sentence_bert_config.json, not tokenizer.json's 128


def test_onnx_matches_sentence_transformers_on_every_seed_sentence(seed_texts, reference):
    onnx = make_embedder("onnx")
    onnx.warm_up()
    a, b = onnx.encode(seed_texts), reference.encode(seed_texts)
    assert a.shape == b.shape == (len(seed_texts), 384) and a.dtype == np.float32
    cosine = (a * b).sum(axis=1)
    assert cosine.min() >= 0.999, f"lowest cosine {cosine.min():.5f} at {seed_texts[int(cosine.argmin())]!r}"
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)


def test_onnx_output_does_not_depend_on_batching_or_order(seed_texts):
    onnx = make_embedder("onnx")
    onnx.warm_up()
    texts = seed_texts[:40]
    together = onnx.encode(texts)
    one_by_one = np.vstack([onnx.encode([t]) for t in texts])
    reversed_ = onnx.encode(texts[::-1])[::-1]
    np.testing.assert_allclose(together, one_by_one, atol=2e-5)
    np.testing.assert_allclose(together, reversed_, atol=2e-5)
    assert onnx.encode([]).shape[0] == 0


def test_a_long_passage_is_cut_where_sentence_transformers_cuts_it(reference):
    onnx = make_embedder("onnx")
    onnx.warm_up()
    long_text = " ".join(["The offensive reached the outskirts of Aleppo on Friday."] * 60)  # ~600 tokens
    cosine = float((onnx.encode([long_text]) * reference.encode([long_text])).sum())
    assert cosine >= 0.999


def test_serving_with_the_onnx_encoder_never_imports_torch(tmp_path):
    # What makes a first start fast: the service's path must not pull in torch or transformers.
    code = (
        "import sys, json\n"
        "from service.runtime import Engine\n"
        "from service.settings import Settings\n"
        f"e = Engine(Settings.from_env({{'CLAIMVERIFY_INDEX_DIR': {str(tmp_path)!r}}}))\n"
        "e.warm_up(); assert e.ready, e.error\n"
        "e.verify(['Russian strikes killed about 300 terrorists'], 5, None)\n"
        "print(json.dumps([m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_encoder_is_part_of_the_index_version(reference):
    assert make_embedder("onnx").fingerprint() != reference.fingerprint()
    assert make_embedder("onnx").fingerprint() == make_embedder("auto").fingerprint()


def test_a_custom_model_folder_without_an_onnx_graph(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "tokenizer.json").write_text("{}")
    assert isinstance(make_embedder("auto", folder), SentenceTransformerEmbedder)  # auto falls back
    with pytest.raises(ValueError, match="no ONNX graph"):
        make_embedder("onnx", folder)
    (folder / "onnx").mkdir()
    (folder / "onnx" / "model.onnx").write_bytes(b"")
    e = make_embedder("auto", folder)
    assert isinstance(e, OnnxEmbedder) and e.name == "model (ONNX)"


def test_onnx_encoder_refuses_a_folder_whose_pooling_is_not_mean(tmp_path):
    (tmp_path / "tokenizer.json").write_text("{}")
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True,
                                                                     "pooling_mode_mean_tokens": False}))
    (tmp_path / "m.onnx").write_bytes(b"")
    with pytest.raises(ValueError, match="mean-of-tokens"):
        OnnxEmbedder(tmp_path / "m.onnx", tmp_path)


@pytest.mark.parametrize("env, message", [
    ({"CLAIMVERIFY_ENCODER": "tensorflow"}, "CLAIMVERIFY_ENCODER"),
    ({"CLAIMVERIFY_ONNX_MODEL_PATH": "/nonexistent/model.onnx"}, "CLAIMVERIFY_ONNX_MODEL_PATH"),
    ({"CLAIMVERIFY_ENCODER_THREADS": "-1"}, "CLAIMVERIFY_ENCODER_THREADS"),
    ({"CLAIMVERIFY_FAISS_INDEX": "annoy"}, "CLAIMVERIFY_FAISS_INDEX"),
    ({"CLAIMVERIFY_FAISS_NPROBE": "0"}, "CLAIMVERIFY_FAISS_NPROBE"),
])
def test_encoder_settings_fail_fast(env, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)
