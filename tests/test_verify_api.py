"""POST /verify and /verify/batch on the seeds: the contract and the answers the issue names."""

from __future__ import annotations

import pytest

from tests.conftest import read_source, verify

VERIFY_CLAIMS = [
    "Russian strikes killed about 300 terrorists",
    "Syrian media said nearly 10,000 terrorists were killed",
    "Tesla opened a factory in Berlin",
    "Assad spoke by phone with Badra Gunba, the acting president of Abkhazia",
    "Oleg Ignatiuk said about 600 militants were eliminated",
    "Iraq has opened its border with Syria",
    "Hay'at Tahrir al-Sham launched an offensive on Aleppo",
]
EVIDENCE_FIELDS = {"passage_id", "text", "source", "sentence_index", "char_start", "char_end", "similarity",
                   "relevance", "stance", "stance_score", "figures", "reasons", "attribution", "context", "also_in"}



def test_about_300_comes_from_001_with_its_figure_parsed(client):
    out = verify(client, "Russian strikes killed about 300 terrorists")
    hits = [e for e in out["evidence"] if e["source"]["id"] == "001_586925bde384db7a" and "about 300" in e["text"]]
    assert hits, [e["passage_id"] for e in out["evidence"]]
    fig = next(f for f in hits[0]["figures"] if f["text"] == "about 300")
    assert (fig["value"], fig["low"], fig["high"], fig["qualifier"], fig["counts"]) == (300, 255, 345, "about", "terrorists")
    assert hits[0]["stance"] == "SUPPORTS"
    assert out["claim_figures"][0]["value"] == 300
    assert out["verdict"] == "SUPPORTED"


def test_nearly_10000_is_refuted_by_a_figure_mismatch(client):
    out = verify(client, "Syrian media said nearly 10,000 terrorists were killed")
    refuting = [e for e in out["evidence"] if e["stance"] == "REFUTES"]
    assert refuting
    assert any(r.startswith("figure mismatch") and "10,000" in r and "1,000" in r for r in refuting[0]["reasons"])
    assert out["verdict"] == "REFUTED"


def test_unrelated_claim_is_not_enough_info_not_dropped(client):
    out = verify(client, "Tesla opened a factory in Berlin")
    assert out["verdict"] == "NOT_ENOUGH_INFO"
    assert 0.0 <= out["confidence"] <= 1.0
    assert all(e["stance"] == "NEUTRAL" for e in out["evidence"])


def test_spelling_variants_of_names_are_found(client):
    out = verify(client, "Oleg Ignatiuk said about 600 militants were eliminated")
    top = out["evidence"][0]
    assert top["source"]["id"] == "002_d8acdea6ba6ec6bd" and "Ignasyuk" in top["text"]
    assert out["verdict"] == "SUPPORTED"


@pytest.mark.parametrize("claim", VERIFY_CLAIMS)
def test_every_passage_is_exactly_its_slice_of_the_source(client, claim):
    out = verify(client, claim, top_k=10)
    for e in out["evidence"]:
        assert set(e) == EVIDENCE_FIELDS
        assert read_source(e["source"]["id"])[e["char_start"]:e["char_end"]] == e["text"]
        for f in e["figures"]:
            assert read_source(e["source"]["id"])[f["start"]:f["end"]] == f["text"]
        for twin in e["also_in"]:
            assert read_source(twin["source"]["id"])[twin["char_start"]:twin["char_end"]] == twin["text"]
        if e["context"]:
            c = e["context"]
            assert read_source(e["source"]["id"])[c["char_start"]:c["char_end"]] == c["text"]
    for f in out["claim_figures"]:
        assert claim[f["start"]:f["end"]] == f["text"]


def test_response_fields(client):
    out = verify(client, "Assad vowed to eliminate terrorists")
    assert set(out) == {"claim", "verdict", "confidence", "evidence", "claim_figures", "figure_comparison",
                        "index_version", "model", "stance_model", "cached"}
    assert out["model"] == "all-MiniLM-L6-v2 (ONNX int8)" and out["stance_model"] == "explicit"
    assert len(out["index_version"]) == 16
    assert out["evidence"][0]["source"]["title"]


def test_claim_is_trimmed_and_top_k_bounds_evidence(client):
    out = verify(client, "   Assad vowed to eliminate terrorists  \n", top_k=2)
    assert out["claim"] == "Assad vowed to eliminate terrorists"
    assert 1 <= len(out["evidence"]) <= 2


def test_sources_filter_restricts_evidence(client):
    out = verify(client, "Assad vowed to eliminate terrorists", sources=["004_e1915923dce626b9"], top_k=10)
    assert out["evidence"] and {e["source"]["id"] for e in out["evidence"]} == {"004_e1915923dce626b9"}


def test_boilerplate_is_never_evidence(client):
    out = verify(client, "You can share this story on social media", top_k=50)
    assert not any("share this story" in e["text"] or "Leave a Comment" in e["text"] for e in out["evidence"])


def test_batch_answers_in_order_with_duplicates(client):
    claims = ["Tesla opened a factory in Berlin", "Syrian media said nearly 10,000 terrorists were killed",
              "Tesla opened a factory in Berlin"]
    r = client.post("/verify/batch", json={"claims": claims, "top_k": 3})
    assert r.status_code == 200
    results = r.get_json()["results"]
    assert [x["claim"] for x in results] == claims
    assert [x["verdict"] for x in results] == ["NOT_ENOUGH_INFO", "REFUTED", "NOT_ENOUGH_INFO"]
    single = verify(client, claims[1], top_k=3)
    assert [e["passage_id"] for e in single["evidence"]] == [e["passage_id"] for e in results[1]["evidence"]]


def test_sources_endpoints(client):
    r = client.get("/sources")
    assert r.status_code == 200
    body = r.get_json()
    assert [s["id"] for s in body["sources"]] == ["000_2f3d2801a65e2925", "001_586925bde384db7a",
                                                  "002_d8acdea6ba6ec6bd", "003_f265c4d33a5e7fec", "004_e1915923dce626b9"]
    one = client.get("/sources/003_f265c4d33a5e7fec").get_json()
    assert one["title"] == "Syria’s Hama stands firm" and one["passages"] > 20


def test_health_and_ready(client):
    assert client.get("/health").get_json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200
    body = ready.get_json()
    assert body["status"] == "ready" and body["index"]["passages"] > 90 and body["cache"]["backend"] == "memory"


def test_not_ready_is_503_problem_not_a_verdict(settings):
    from service import create_app
    from service.runtime import Engine

    class Loading(Engine):
        def start_warm_up(self):
            self.state = "loading"

    app = create_app(settings.__class__(**{**settings.__dict__, "warm_up_in_background": True}),
                     Loading(settings))
    c = app.test_client()
    r = c.post("/verify", json={"claim": "Assad vowed to eliminate terrorists"})
    assert r.status_code == 503 and r.content_type == "application/problem+json"
    assert r.headers["Retry-After"] == "5"
    assert c.get("/ready").status_code == 503
    assert c.get("/health").status_code == 200


def test_internal_failure_is_a_500_problem_never_a_verdict(settings, engine, monkeypatch):
    from service import create_app

    app = create_app(settings, engine)
    monkeypatch.setattr(engine.verifier, "verify_many", lambda *a, **k: 1 / 0)
    r = app.test_client().post("/verify", json={"claim": "A claim nobody has cached before 7f3a"})
    assert r.status_code == 500 and r.content_type == "application/problem+json"
    assert "verdict" not in r.get_json() and "Traceback" not in r.get_data(as_text=True)


def test_cors_only_for_configured_origins(settings, engine):
    from dataclasses import replace

    from service import create_app

    ext = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    closed = create_app(settings, engine).test_client()
    assert "Access-Control-Allow-Origin" not in closed.get("/health", headers={"Origin": ext}).headers
    open_ = create_app(replace(settings, cors_origins=(ext,)), engine).test_client()
    pre = open_.options("/verify", headers={"Origin": ext, "Access-Control-Request-Method": "POST",
                                            "Access-Control-Request-Headers": "Content-Type"})
    assert pre.headers["Access-Control-Allow-Origin"] == ext
    other = open_.get("/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_a_neighbouring_sentence_does_not_lend_its_predicate(client):
    # "Units ... strengthened their defensive lines" follows the denial of a withdrawal; it
    # must not support a withdrawal because the word stands in the sentence before it.
    out = verify(client, "The Syrian army withdrew from Hama", top_k=10)
    assert out["verdict"] == "REFUTED"
    assert not [e for e in out["evidence"] if e["stance"] == "SUPPORTS"]


def test_a_long_list_is_encoded_ahead_in_chunks_with_the_same_answers(engine, monkeypatch):
    # More claims than one chunk: the next chunk is encoded while this one is scored. The
    # answers, in order, must be those of each claim verified alone.
    verifier = engine.verifier
    monkeypatch.setattr(verifier, "pipeline_chunk", 3)
    claims = ["Russian strikes killed about 300 terrorists", "Assad spoke with the president of Abkhazia",
              "The Syrian army withdrew from Hama", "Nearly 1,000 terrorists were killed in three days",
              "HTS was formerly known as Jabhat al-Nusra", "Iran's foreign minister went to Damascus",
              "Airstrikes hit Idlib"]
    calls = []
    encode = verifier.embedder.encode
    monkeypatch.setattr(verifier.embedder, "encode", lambda texts: calls.append(list(texts)) or encode(texts))
    together = verifier.verify_many(claims, 5)
    by_length = sorted(claims, key=len)  # chunks of similar length: less padding
    assert calls == [by_length[0:3], by_length[3:6], by_length[6:7]]
    alone = [verifier.verify_many([c], 5)[0] for c in claims]
    assert [r["claim"] for r in together] == claims
    assert together == alone


def test_an_encoder_failure_in_a_chunk_ahead_is_an_error_not_an_answer(engine, monkeypatch):
    verifier = engine.verifier
    monkeypatch.setattr(verifier, "pipeline_chunk", 2)
    encode = verifier.embedder.encode

    def fail_on_second_chunk(texts):
        if "third claim about Aleppo" in texts:
            raise RuntimeError("encoder failed")
        return encode(texts)

    monkeypatch.setattr(verifier.embedder, "encode", fail_on_second_chunk)
    with pytest.raises(RuntimeError, match="encoder failed"):
        verifier.verify_many(["first claim about Hama", "second claim about Idlib", "third claim about Aleppo"], 5)


@pytest.mark.parametrize("claim", ["Russian strikes killed about 300 terrorists",
                                   "Syrian media said nearly 10,000 terrorists were killed",
                                   "Tesla opened a factory in Berlin"])
def test_answers_are_sent_in_the_documented_shape(client, claim):
    # Answers are sent as the verifier builds them, not dumped through the response schema:
    # the schema's dump of an answer must be the answer itself (no field missing or extra,
    # no value changed), for one claim and for a batch.
    from service.verify.schemas import VerifyBatchResponseSchema, VerifyResponseSchema

    one = verify(client, claim, top_k=3)
    assert VerifyResponseSchema().dump(one) == one
    batch = client.post("/verify/batch", json={"claims": [claim, "Assad spoke with the president of Abkhazia"]}).get_json()
    assert VerifyBatchResponseSchema().dump(batch) == batch
