"""Building and loading the index: versions, atomic writes, corrupt files, other corpora."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

import index.build as build_module
from index.build import build_index, read_current
from index.corpus import CorpusError, load_corpus
from index.store import IndexLoadError, IndexStore
from tests.conftest import ROOT, SEEDS, read_source


def test_seeds_manifest_gives_ids_and_titles():
    sources = load_corpus(SEEDS)
    assert [s.id for s in sources][:2] == ["000_2f3d2801a65e2925", "001_586925bde384db7a"]
    assert sources[3].title == "Syria’s Hama stands firm"
    for s in sources:
        assert s.text == read_source(s.id)  # seeds copied unchanged


def test_every_indexed_passage_is_its_slice_and_no_boilerplate(engine):
    store = engine.verifier.store
    assert len(store.passages) > 90
    for p in store.passages:
        assert read_source(p.source_id)[p.char_start:p.char_end] == p.text
        assert "share this story" not in p.text and "pic.twitter.com" not in p.text and "(@" not in p.text


def test_rebuilding_the_same_corpus_is_a_no_op(engine, settings):
    r = build_index(settings.corpus_dir, settings.index_dir, engine.embedder)
    assert r.built is False and r.index_version == engine.verifier.index_version


def test_any_folder_of_articles_without_manifest(tmp_path, engine):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "note-1.txt").write_text("Lab notes\nThe reactor ran for 12 hours. It produced 3.5 MW at most.\n", encoding="utf-8")
    r = build_index(corpus, tmp_path / "idx", engine.embedder)
    store = IndexStore.load(tmp_path / "idx")
    assert r.built and list(store.sources) == ["note-1"] and store.sources["note-1"]["title"] == "Lab notes"
    assert [p.text for p in store.passages] == ["Lab notes", "The reactor ran for 12 hours.", "It produced 3.5 MW at most."]


def test_changed_corpus_gives_a_new_version_and_keeps_the_old(tmp_path, engine):
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    first = build_index(corpus, tmp_path / "idx", engine.embedder)
    (corpus / "000_2f3d2801a65e2925.txt").write_text("Changed.\nEntirely new text.\n", encoding="utf-8")
    second = build_index(corpus, tmp_path / "idx", engine.embedder)
    assert second.index_version != first.index_version
    assert read_current(tmp_path / "idx") == second.index_version
    assert IndexStore.load(tmp_path / "idx", first.index_version).version == first.index_version


def test_a_crash_mid_build_leaves_the_old_index_usable(tmp_path, engine, monkeypatch):
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    good = build_index(corpus, tmp_path / "idx", engine.embedder)
    (corpus / "001_586925bde384db7a.txt").write_text("Something else entirely.\n", encoding="utf-8")

    def crash(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(build_module.faiss, "write_index", crash)
    with pytest.raises(OSError):
        build_index(corpus, tmp_path / "idx", engine.embedder)
    assert read_current(tmp_path / "idx") == good.index_version
    assert IndexStore.load(tmp_path / "idx").version == good.index_version
    assert not [p for p in (tmp_path / "idx").iterdir() if p.name.startswith(".tmp-")]


@pytest.mark.parametrize("victim", ["vectors.faiss", "passages.jsonl", "sources.json"])
def test_corrupted_index_file_is_a_clear_error_naming_the_file(tmp_path, engine, victim):
    r = build_index(SEEDS, tmp_path / "idx", engine.embedder)
    path = r.path / victim
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # half-written
    with pytest.raises(IndexLoadError, match=victim):
        IndexStore.load(tmp_path / "idx")


def test_missing_meta_is_an_incomplete_index(tmp_path, engine):
    r = build_index(SEEDS, tmp_path / "idx", engine.embedder)
    (r.path / "meta.json").unlink()
    with pytest.raises(IndexLoadError, match="meta.json"):
        IndexStore.load(tmp_path / "idx")


def test_manifest_errors_name_the_problem(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"sources": [{"id": "../a", "file": "a.txt"}]}))
    with pytest.raises(CorpusError, match="source id"):
        load_corpus(tmp_path)
    (tmp_path / "manifest.json").write_text(json.dumps({"sources": [{"id": "a", "file": "../../etc/passwd"}]}))
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path)
    (tmp_path / "manifest.json").unlink()
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe bad")
    with pytest.raises(CorpusError, match="UTF-8"):
        load_corpus(tmp_path)


def test_cli_builds_and_verifies(tmp_path):
    env = {"CLAIMVERIFY_INDEX_DIR": str(tmp_path / "idx"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "index", "build"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    built = json.loads(out.stdout)
    assert built["built"] is True and built["passages"] > 90
    out = subprocess.run([sys.executable, "-m", "index", "verify", "Tesla opened a factory in Berlin"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[0])["verdict"] == "NOT_ENOUGH_INFO"
    bad = subprocess.run([sys.executable, "-m", "index", "build", "--corpus", str(tmp_path / "nope")], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "corpus folder not found" in bad.stderr


@pytest.mark.parametrize("kind", ["ivf", "hnsw"])
def test_an_approximate_index_serves_the_same_evidence_as_exact_search(tmp_path, engine, settings, kind):
    # On the seeds an IVF index has 2 lists and nprobe covers both, HNSW's efSearch covers the
    # corpus: both must give what exact search gives, through the service's own path.
    from dataclasses import replace

    from service.runtime import Engine

    s = replace(settings, index_dir=tmp_path / kind, faiss_index=kind)
    e = Engine(s)
    e.embedder = engine.embedder
    e.warm_up()
    assert e.ready, e.error
    store = e.verifier.store
    assert store.meta["faiss"]["kind"] == kind and store.meta["faiss"]["configured"] == kind
    assert store.version != engine.verifier.index_version  # the index kind is part of the version
    deeper = Engine(replace(s, faiss_nprobe=s.faiss_nprobe + 1, faiss_ef_search=s.faiss_ef_search + 1))
    deeper.embedder = engine.embedder
    deeper.warm_up()  # the same index searched deeper is cached apart (IVF here has 2 lists: nprobe clamps)
    from index import ann

    assert deeper.verifier.index_version == store.version
    searched_deeper = ann.set_search_params(deeper.verifier.store.index) != ann.set_search_params(store.index)
    assert searched_deeper == (kind == "hnsw")
    assert (deeper.verifier.answer_version != e.verifier.answer_version) == searched_deeper
    claims = ["Russian strikes killed about 300 terrorists", "Syrian media said nearly 10,000 terrorists were killed",
              "The Syrian army withdrew from Hama"]
    for sources in (None, ["003_f265c4d33a5e7fec"]):
        approximate = e.verify(claims, 5, sources)
        exact = engine.verify(claims, 5, sources)
        for a, x in zip(approximate, exact):
            assert [p["passage_id"] for p in a["evidence"]] == [p["passage_id"] for p in x["evidence"]]
            assert a["verdict"] == x["verdict"]
            if sources:
                assert all(p["source"]["id"] == sources[0] for p in a["evidence"])


def test_auto_keeps_exact_search_for_a_small_corpus(engine):
    assert engine.verifier.store.meta["faiss"]["kind"] == "flat"
    assert engine.verifier.store.meta["faiss"]["configured"] == "auto"


def test_a_chain_of_references_starts_at_a_name_that_opens_its_sentence():
    from index.build import passages_of
    from index.corpus import Source

    text = ("Assad said his forces would defend the country. "
            "\u201cTerrorism only understands force,\u201d he stated, as quoted by the news agency. "
            "The Syrian leader said his forces could strike the terrorists.")
    leader = {p["sentence_index"]: p for p in passages_of([Source("s1", "t", text, "s1.txt")])}[2]["context"]
    assert leader["sentence_index"] == 1 and "assad" in leader["keys"]


def test_a_chain_of_references_lends_the_first_sentences_names():
    from index.build import passages_of
    from index.corpus import Source

    text = ("In a phone call with Badra Gunba, Assad said his forces would defend the country. "
            "\u201cTerrorism only understands force,\u201d he stated, as quoted by the news agency. "
            "The Syrian leader said his forces could strike the terrorists. "
            "They also liberated several towns in Hama province. "
            "Forces loyal to him advanced on the city.")
    passages = {p["sentence_index"]: p for p in passages_of([Source("s1", "t", text, "s1.txt")])}
    leader = passages[2]["context"]
    assert leader["sentence_index"] == 1 and not leader["anaphoric"]
    assert "assad" in leader["keys"] and "gunba" in leader["keys"]  # two sentences back, through "he"
    # a passage read as a whole with the sentence before ("They also ...") takes that sentence's
    # words, not names from further back
    they = passages[3]["context"]
    assert they["anaphoric"] and "assad" not in they["keys"]
    # one step further back only: "him" three sentences after Assad is named does not reach him
    loyal = passages[4]["context"]
    assert loyal["sentence_index"] == 3 and not loyal["anaphoric"] and "assad" not in loyal["keys"]


def test_a_passage_read_with_the_sentence_before_keeps_names_from_further_back_apart():
    from index.build import passages_of
    from index.corpus import Source

    text = ("Units in the northern Hama countryside strengthened their lines. "
            "The army repelled the attack, a military source said. "
            "The source also reported that the army secured areas near the city.")
    passages = {p["sentence_index"]: p for p in passages_of([Source("s1", "t", text, "s1.txt")])}
    ctx = passages[2]["context"]
    assert ctx["anaphoric"] and ctx["sentence_index"] == 1
    assert "hama" not in ctx["keys"] and "hama" in ctx["names_beyond"]
