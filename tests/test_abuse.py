"""Abuse refused and faults survived: rate limits per client (in process and in a real Redis),
operator endpoints behind a hashed key, and index swaps while requests are under way."""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from service import create_app
from service.runtime import Engine
from tests.conftest import REDIS_URL, SEEDS, read_source, unique_prefix

CLAIM = "Russian strikes killed about 300 terrorists"
KEY = "op-key-7c1e0f8a-for-tests-only"
KEY_SHA256 = hashlib.sha256(KEY.encode()).hexdigest()
AUTH = {"Authorization": f"Bearer {KEY}"}


def app_with(engine, settings, **changes):
    """An app around the session's warmed-up model and index, with settings of its own."""
    s = replace(settings, **changes)
    e = Engine(s)
    e.embedder, e.verifier, e.state = engine.embedder, engine.verifier, "ready"
    return create_app(s, e)


# --- rate limits -----------------------------------------------------------------------------

def test_a_client_over_its_limit_gets_429_problem_with_retry_after(engine, settings):
    client = app_with(engine, settings, rate_limit="3/minute").test_client()
    answers = [client.post("/verify", json={"claim": CLAIM}) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert [r.headers["RateLimit-Remaining"] for r in answers[:3]] == ["2", "1", "0"]
    refused = answers[3]
    assert refused.content_type == "application/problem+json"
    body = refused.get_json()
    assert body["type"] == "/problems/rate-limited" and body["status"] == 429 and "3 per 1 minute" in body["detail"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 61
    assert refused.headers["RateLimit-Limit"] == "3" and refused.headers["RateLimit-Policy"] == "3;w=60"


def test_limits_are_per_client_and_probes_are_not_limited(engine, settings):
    client = app_with(engine, settings, rate_limit="2/minute").test_client()
    for _ in range(2):
        assert client.get("/sources", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 200
    assert client.get("/sources", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 429
    assert client.get("/sources", environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code == 200
    for _ in range(5):
        assert client.get("/health", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 200
        assert client.get("/ready", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 200


def test_behind_a_proxy_the_forwarded_client_is_limited(engine, settings):
    client = app_with(engine, settings, rate_limit="1/minute", proxy_hops=1).test_client()
    via = {"REMOTE_ADDR": "10.9.9.9"}
    assert client.get("/sources", environ_base=via, headers={"X-Forwarded-For": "203.0.113.5"}).status_code == 200
    assert client.get("/sources", environ_base=via, headers={"X-Forwarded-For": "203.0.113.5"}).status_code == 429
    assert client.get("/sources", environ_base=via, headers={"X-Forwarded-For": "203.0.113.6"}).status_code == 200


def test_workers_share_one_count_in_redis(engine, settings):
    # Two apps are two gunicorn workers: with Redis storage a client's budget is shared.
    changes = dict(rate_limit="4/minute", redis_url=REDIS_URL, cache_prefix=unique_prefix())
    first, second = (app_with(engine, settings, **changes).test_client() for _ in range(2))
    codes = [c.get("/sources").status_code for c in (first, second, first, second, first, second)]
    assert codes == [200, 200, 200, 200, 429, 429]


def test_rate_limits_survive_redis_stopping_mid_load(redis_server, engine, settings):
    app = app_with(engine, settings, rate_limit="10000/minute", redis_url=redis_server.url, redis_retry_seconds=1,
                   cache_prefix=unique_prefix())
    statuses, stop_at = [], threading.Event()

    def worker(i: int) -> None:
        client = app.test_client()
        for j in range(15):
            if i == 0 and j == 5:
                redis_server.stop()
                stop_at.set()
            statuses.append(client.post("/verify", json={"claim": f"{CLAIM} ({i}-{j % 3})"}).status_code)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(worker, range(4)))
    assert stop_at.is_set() and len(statuses) == 60
    assert set(statuses) == {200}, statuses
    redis_server.start()


# --- operator endpoints -----------------------------------------------------------------------

def test_operator_endpoints_are_off_without_a_configured_key(client):
    r = client.delete("/operator/cache", headers=AUTH)
    assert r.status_code == 403 and r.content_type == "application/problem+json"
    assert "CLAIMVERIFY_OPERATOR_KEY_SHA256" in r.get_json()["detail"]


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer"}, {"Authorization": "Bearer wrong-key"}, {"Authorization": f"Basic {KEY}"},
    {"Authorization": f"Bearer {KEY}x"}, {"Authorization": f"Bearer {KEY_SHA256}"},  # the hash is not the key
])
def test_operator_endpoints_refuse_a_missing_or_wrong_key(engine, settings, headers):
    client = app_with(engine, settings, operator_key_sha256=KEY_SHA256).test_client()
    for r in (client.delete("/operator/cache", headers=headers),
              client.post("/operator/reindex", json={}, headers=headers)):
        assert r.status_code == 401, r.get_json()
        assert r.content_type == "application/problem+json"
        assert r.headers["WWW-Authenticate"].startswith("Bearer")


def test_cache_flush_empties_the_redis_cache(engine, settings, caplog):
    prefix = unique_prefix()
    client = app_with(engine, settings, operator_key_sha256=KEY_SHA256, redis_url=REDIS_URL,
                      cache_prefix=prefix).test_client()
    for claim in (CLAIM, "Tesla opened a factory in Berlin"):
        client.post("/verify", json={"claim": claim})
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is True
    with caplog.at_level(logging.DEBUG):
        r = client.delete("/operator/cache", headers=AUTH)
    assert r.status_code == 200 and r.get_json() == {"removed": 2, "backend": "redis"}
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["cached"] is False
    assert KEY not in caplog.text  # the key never reaches a log


def test_cache_flush_with_redis_down_is_a_503_not_a_success(redis_server, engine, settings):
    client = app_with(engine, settings, operator_key_sha256=KEY_SHA256, redis_url=redis_server.url,
                      cache_prefix=unique_prefix()).test_client()
    redis_server.stop()
    r = client.delete("/operator/cache", headers=AUTH)
    assert r.status_code == 503 and r.content_type == "application/problem+json"
    redis_server.start()


# --- reindex and atomic swaps -----------------------------------------------------------------

@pytest.fixture()
def own_corpus(tmp_path, settings):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return replace(settings, corpus_dir=corpus, index_dir=tmp_path / "index", operator_key_sha256=KEY_SHA256)


def warmed(s) -> Engine:
    e = Engine(s)
    e.warm_up()
    assert e.ready, e.error
    return e


ARTICLE = "003_f265c4d33a5e7fec.txt"
ADDED = "A later report by the monitor put the number of Russian strikes at 412 in one week."


def test_reindex_serves_the_changed_corpus_in_every_worker(own_corpus):
    worker_a, worker_b = warmed(own_corpus), warmed(own_corpus)  # two workers, one index folder
    a, b = create_app(own_corpus, worker_a).test_client(), create_app(own_corpus, worker_b).test_client()
    unchanged = a.post("/operator/reindex", json={}, headers=AUTH).get_json()
    assert unchanged["built"] is False and unchanged["index_version"] == unchanged["previous_index_version"]

    article = own_corpus.corpus_dir / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + "\n" + ADDED + "\n", encoding="utf-8")
    r = a.post("/operator/reindex", json={}, headers=AUTH)
    assert r.status_code == 200, r.get_json()
    new = r.get_json()
    assert new["built"] is True and new["index_version"] != new["previous_index_version"]
    for client in (a, b):  # b was not asked: it follows CURRENT at its next request
        answer = client.post("/verify", json={"claim": "The monitor counted 412 Russian strikes in one week"}).get_json()
        assert answer["index_version"] == new["index_version"]
        assert any(e["text"] == ADDED for e in answer["evidence"])


def test_no_request_sees_a_mixed_index_during_a_rebuild(own_corpus):
    engine = warmed(own_corpus)
    app = create_app(own_corpus, engine)
    old_version = engine.verifier.index_version
    texts = {old_version: read_source(ARTICLE[:-4], own_corpus.corpus_dir)}
    article = own_corpus.corpus_dir / ARTICLE
    # Every sentence of the article changes, so a passage's text tells which index it came from.
    changed = texts[old_version].replace(" the ", " the reported ")
    answers, done = [], threading.Event()

    def ask() -> None:
        client = app.test_client()
        while not done.is_set() or len(answers) < 20:
            r = client.post("/verify", json={"claim": "Russian strikes hit Idlib and Aleppo", "top_k": 10,
                                             "sources": [ARTICLE[:-4]]})
            assert r.status_code == 200, r.get_json()
            answers.append(r.get_json())

    with ThreadPoolExecutor(3) as pool:
        futures = [pool.submit(ask) for _ in range(3)]
        article.write_text(changed, encoding="utf-8")
        new_version = engine.reindex()["index_version"]
        texts[new_version] = changed
        for _ in range(30):  # requests after the swap
            answers.append(app.test_client().post("/verify", json={
                "claim": "Russian strikes hit Idlib and Aleppo", "top_k": 10, "sources": [ARTICLE[:-4]]}).get_json())
        done.set()
        for f in futures:
            f.result()

    seen = {a["index_version"] for a in answers}
    assert seen <= {old_version, new_version} and new_version in seen
    for a in answers:  # every passage is a slice of the corpus of the version the answer names
        text = texts[a["index_version"]]
        for e in a["evidence"]:
            assert text[e["char_start"]:e["char_end"]] == e["text"]


@pytest.mark.parametrize("force", ["yes", "true", 1, 0, None, [True]])
def test_reindex_takes_only_a_json_boolean_for_force(engine, settings, force):
    client = app_with(engine, settings, operator_key_sha256=KEY_SHA256).test_client()
    r = client.post("/operator/reindex", json={"force": force}, headers=AUTH)
    assert r.status_code == 422 and r.content_type == "application/problem+json"
    assert "force" in r.get_json()["errors"]["json"]


def test_the_key_is_checked_before_the_body(engine, settings):
    client = app_with(engine, settings, operator_key_sha256=KEY_SHA256).test_client()
    for r in (client.post("/operator/reindex", data=b"not json", content_type="text/plain"),
              client.post("/operator/reindex")):
        assert r.status_code == 401 and r.content_type == "application/problem+json"
    off = app_with(engine, settings).test_client()
    assert off.post("/operator/reindex", data=b"not json", content_type="text/plain").status_code == 403


def test_several_limits_report_the_one_closest_to_running_out(engine, settings):
    client = app_with(engine, settings, rate_limit="100/second;3/minute").test_client()
    first = client.get("/sources")
    assert first.headers["RateLimit-Limit"] == "3" and first.headers["RateLimit-Remaining"] == "2"
    assert first.headers["RateLimit-Policy"] == "100;w=1, 3;w=60"
    for _ in range(2):
        client.get("/sources")
    refused = client.get("/sources")
    assert refused.status_code == 429 and refused.headers["RateLimit-Limit"] == "3"
    assert int(refused.headers["Retry-After"]) > 1


def test_an_index_the_worker_cannot_load_is_reported_once_and_the_old_one_kept(own_corpus, caplog):
    import json as json_

    from index.build import point_current

    engine = warmed(own_corpus)
    client = create_app(own_corpus, engine).test_client()
    good = engine.verifier.index_version
    bad_dir = own_corpus.index_dir / "0000000000000000"
    shutil.copytree(own_corpus.index_dir / good, bad_dir)
    meta = json_.loads((bad_dir / "meta.json").read_text())
    (bad_dir / "meta.json").write_text(json_.dumps({**meta, "index_version": "0000000000000000",
                                                   "encoder_fingerprint": "another encoder"}))
    point_current(own_corpus.index_dir, "0000000000000000")
    with caplog.at_level(logging.ERROR):
        answers = [client.post("/verify", json={"claim": CLAIM}) for _ in range(5)]
    assert all(r.status_code == 200 and r.get_json()["index_version"] == good for r in answers)
    assert caplog.text.count("cannot be loaded") == 1 and "another encoder" in caplog.text
    point_current(own_corpus.index_dir, good)
    assert client.post("/verify", json={"claim": CLAIM}).get_json()["index_version"] == good


def test_settings_refuse_the_hash_of_an_empty_key_and_the_limiter_reads_unix_sockets():
    from service.limits import limiter_storage_uri
    from service.settings import Settings, SettingsError

    with pytest.raises(SettingsError, match="empty key"):
        Settings.from_env({"CLAIMVERIFY_OPERATOR_KEY_SHA256": hashlib.sha256(b"").hexdigest()})
    assert limiter_storage_uri("unix:///run/redis.sock") == "redis+unix:///run/redis.sock"
    assert limiter_storage_uri(None) == "memory://" and limiter_storage_uri(REDIS_URL) == REDIS_URL
