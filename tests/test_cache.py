"""Caching against a real Redis server: hits, index-version keys, outages and recovery."""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import replace

import redis

from index.build import build_index
from index.store import IndexStore
from models.stance import ExplicitStanceScorer
from models.verifier import Verifier
from service import create_app
from service.runtime import Engine
from tests.conftest import REDIS_URL, SEEDS, unique_prefix

CLAIM = "Syrian media said nearly 10,000 terrorists were killed"


def test_second_identical_request_is_served_from_redis(redis_engine, settings):
    client = create_app(redis_engine.settings, redis_engine).test_client()
    first = client.post("/verify", json={"claim": CLAIM}).get_json()
    second = client.post("/verify", json={"claim": "  " + CLAIM + "\n"}).get_json()  # trimmed: the same claim
    assert (first["cached"], second["cached"]) == (False, True)
    assert {k: v for k, v in first.items() if k != "cached"} == {k: v for k, v in second.items() if k != "cached"}
    # Any other difference is another claim: offsets point into it and case matters to names.
    other = client.post("/verify", json={"claim": CLAIM.upper()}).get_json()
    assert other["cached"] is False and other["claim"] == CLAIM.upper()
    r = redis.Redis.from_url(REDIS_URL)
    keys = list(r.scan_iter(match=redis_engine.settings.cache_prefix + "*"))
    assert len(keys) == 2 and all(0 < r.ttl(k) <= settings.cache_ttl_seconds for k in keys)
    assert client.get("/ready").get_json()["cache"] == {"backend": "redis", "status": "ok"}


def test_parameters_are_part_of_the_key(redis_engine):
    client = create_app(redis_engine.settings, redis_engine).test_client()
    assert client.post("/verify", json={"claim": CLAIM, "top_k": 3}).get_json()["cached"] is False
    assert client.post("/verify", json={"claim": CLAIM, "top_k": 4}).get_json()["cached"] is False
    assert client.post("/verify", json={"claim": CLAIM, "top_k": 3}).get_json()["cached"] is True


def test_batch_uses_and_fills_the_cache(redis_engine):
    client = create_app(redis_engine.settings, redis_engine).test_client()
    client.post("/verify", json={"claim": CLAIM})
    results = client.post("/verify/batch", json={"claims": [CLAIM, "Tesla opened a factory in Berlin"]}).get_json()["results"]
    assert [x["cached"] for x in results] == [True, False]
    assert client.post("/verify", json={"claim": "Tesla opened a factory in Berlin"}).get_json()["cached"] is True


def test_rebuilt_index_with_changed_corpus_is_not_served_stale(tmp_path, engine, settings):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    index_dir = tmp_path / "index"
    s = replace(settings, corpus_dir=corpus, index_dir=index_dir, redis_url=REDIS_URL, cache_prefix=unique_prefix())

    def serving_engine() -> Engine:
        build_index(corpus, index_dir, engine.embedder)
        e = Engine(s)
        store = IndexStore.load(index_dir)
        e.embedder, e.verifier, e.state = engine.embedder, Verifier(store, engine.embedder, ExplicitStanceScorer.from_lexicon(store.meta)), "ready"
        return e

    before = create_app(s, serving_engine()).test_client()
    v1 = before.post("/verify", json={"claim": CLAIM}).get_json()
    assert before.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is True

    article = corpus / "003_f265c4d33a5e7fec.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA late report put the toll at 1,200.\n", encoding="utf-8")
    after = create_app(s, serving_engine()).test_client()
    v2 = after.post("/verify", json={"claim": CLAIM}).get_json()
    assert v2["index_version"] != v1["index_version"]
    assert v2["cached"] is False
    assert after.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is True


def test_redis_outage_answers_uncached_and_recovers_without_restart(redis_server, engine, settings):
    s = replace(settings, redis_url=redis_server.url, redis_retry_seconds=1, cache_prefix=unique_prefix())
    e = Engine(s)
    e.embedder, e.verifier, e.state = engine.embedder, engine.verifier, "ready"
    client = create_app(s, e).test_client()
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is False
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is True

    redis_server.stop()
    during = client.post("/verify", json={"claim": CLAIM})
    assert during.status_code == 200 and during.get_json()["cached"] is False
    assert during.get_json()["verdict"] == "REFUTED"
    ready = client.get("/ready")
    assert ready.status_code == 200  # a degraded cache does not make the service unready
    assert ready.get_json()["cache"]["status"] == "degraded"

    redis_server.start()
    time.sleep(1.2)  # past the retry interval
    assert client.get("/ready").get_json()["cache"]["status"] == "ok"
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is False  # a fresh, empty server
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is True


def test_in_process_cache_is_the_default(client):
    claim = "Assad held talks with the Iraqi Prime Minister"
    assert client.post("/verify", json={"claim": claim}).get_json()["cached"] is False
    assert client.post("/verify", json={"claim": claim}).get_json()["cached"] is True
    assert client.get("/ready").get_json()["cache"]["backend"] == "memory"


def test_variant_claims_keep_their_own_offsets(redis_engine):
    client = create_app(redis_engine.settings, redis_engine).test_client()
    for claim in ("Russian strikes killed about 300 terrorists", "Russian   strikes killed about 300 terrorists"):
        out = client.post("/verify", json={"claim": claim}).get_json()
        assert out["cached"] is False
        assert [claim[f["start"]:f["end"]] for f in out["claim_figures"]] == ["about 300"]
    batch = client.post("/verify/batch", json={"claims": ["Russian strikes killed  about 300 terrorists",
                                                          "Russian strikes killed about 300 terrorists"]}).get_json()
    for out in batch["results"]:
        assert [out["claim"][f["start"]:f["end"]] for f in out["claim_figures"]] == ["about 300"]


def test_a_corrupt_cache_entry_is_a_miss_not_an_error(redis_engine):
    from service.cache import cache_key

    client = create_app(redis_engine.settings, redis_engine).test_client()
    key = cache_key(CLAIM, 5, None, redis_engine.verifier.answer_version, redis_engine.settings.cache_prefix)
    for junk in (b"\xff\xfe not json", b"[1, 2]", b'{"no": "verdict"}'):
        redis.Redis.from_url(REDIS_URL).set(key, junk)
        r = client.post("/verify", json={"claim": CLAIM})
        assert r.status_code == 200 and r.get_json()["cached"] is False


def test_another_stance_scorer_does_not_share_answers(redis_engine):
    from models.stance import ExplicitStanceScorer
    from models.verifier import Verifier

    client = create_app(redis_engine.settings, redis_engine).test_client()
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is False
    store = redis_engine.verifier.store
    stricter = ExplicitStanceScorer.from_lexicon(store.meta, support_coverage=0.9, name="explicit-strict")
    redis_engine.verifier = Verifier(store, redis_engine.embedder, stricter)
    out = client.post("/verify", json={"claim": CLAIM}).get_json()
    assert out["cached"] is False and out["stance_model"] == "explicit-strict"


def test_the_in_process_cache_is_bounded_in_bytes_and_keeps_recent_answers():
    from service.cache import MemoryCache

    answer = {"verdict": "SUPPORTED", "evidence": [{"text": "x" * 900}]}
    size = len(json.dumps(answer, separators=(",", ":")).encode())
    cache = MemoryCache(max_entries=100, ttl_seconds=60, max_bytes=3 * size)
    cache.set_many({f"k{i}": answer for i in range(3)})
    assert cache.get_many(["k0"]) == [answer]            # k0 is now the most recently used
    cache.set_many({"k3": answer})                          # over the bound: k1, the least recent, goes
    assert cache.get_many(["k0", "k1", "k2", "k3"]) == [answer, None, answer, answer]
    assert cache.status()["bytes"] == 3 * size
    cache.set_many({"huge": {"verdict": "REFUTED", "evidence": [{"text": "y" * 10 * size}]}})
    assert cache.get_many(["huge"]) == [None] and cache.status()["entries"] == 3  # larger than the bound: not kept
    returned = cache.get_many(["k0"])[0]
    returned["evidence"].clear()                            # a caller changing its copy
    assert cache.get_many(["k0"]) == [answer]
    assert cache.clear("k") == 3 and cache.status() == {"backend": "memory", "status": "ok", "entries": 0, "bytes": 0}
