"""Floors: the same model and index in this process, without HTTP, gunicorn or the verifier's
stance scoring, measured in the same run as the figures they stand beside.

- miss floor: encode one claim + FAISS search of the index at the retriever's depth;
- hit floor: a Redis GET of a cached response, with the same client library (redis-py);
- batch floor: encoding the same claims in one `encode` call;
- start floor: a bare Python process that loads the engine (model + index), no server.

Besides the floors, it measures what lies between a floor and the HTTP figure (the whole
verification in process, the steps of a cache hit), so a ratio can be explained.
"""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

from bench.common import ROOT, ms, rss_bytes, summary_ms, timed


def worker_raw_env() -> dict:
    """What service/gunicorn_conf.py puts in each worker's environment (`raw_env`, e.g. one
    encoder thread per worker), read from the file itself so the floors follow it."""
    conf = runpy.run_path(str(ROOT / "service" / "gunicorn_conf.py"))
    return dict(item.split("=", 1) for item in conf.get("raw_env", []))


def service_env(index_dir: Path, worker_env: bool = True) -> dict:
    """The settings a gunicorn worker gets: the caller's CLAIMVERIFY_* (model, encoder, corpus),
    gunicorn_conf's raw_env (unless worker_env is False), and the bench index folder."""
    env = {k: v for k, v in os.environ.items() if k.startswith("CLAIMVERIFY_")}
    if worker_env:
        env.update(worker_raw_env())
    env.update({"CLAIMVERIFY_INDEX_DIR": str(index_dir), "CLAIMVERIFY_WARM_UP_IN_BACKGROUND": "false"})
    return env


class InProcess:
    """An Engine in this process: whatever encoder and index the service is configured with."""

    def __init__(self, index_dir: Path, worker_env: bool = True):
        """worker_env: apply gunicorn_conf's raw_env (one encoder thread, as in a worker);
        False: the encoder's own default threads (every core), for bulk encoding."""
        from service.runtime import Engine
        from service.settings import Settings

        self.env = service_env(index_dir, worker_env)
        self.settings = Settings.from_env(self.env)
        self.engine = Engine(replace(self.settings, redis_url=None))
        t0 = time.perf_counter()
        self.engine.warm_up()
        if not self.engine.ready:
            raise RuntimeError(f"in-process engine failed to warm up: {self.engine.error}")
        self.warm_up_seconds = time.perf_counter() - t0
        self.verifier = self.engine.verifier
        self.embedder = self.engine.embedder
        self.store = self.verifier.store

    def describe(self) -> dict:
        e = self.embedder
        return {"encoder_class": f"{type(e).__module__}.{type(e).__qualname__}", "model": getattr(e, "name", None),
                "model_path": str(getattr(e, "model_path", "")), "encoder_threads": getattr(e, "threads", None),
                "worker_env_from_gunicorn_conf": worker_raw_env(),
                "index_version": self.verifier.index_version, "passages": len(self.store.passages),
                "faiss_index": type(self.store.index).__name__, "warm_up_s": round(self.warm_up_seconds, 3)}

    def dense_depth(self, top_k: int = 5) -> int:
        s = self.verifier.retriever.settings
        return max(s.per_retriever, 4 * top_k)

    # -- miss -----------------------------------------------------------------------------
    def miss_floor(self, claims: list[str], top_k: int = 5) -> dict:
        """encode([claim]) + FAISS search at the retriever's depth, one claim at a time."""
        depth = self.dense_depth(top_k)
        enc, search, both = [], [], []
        for c in claims[:3]:  # warm-up, untimed
            self.store.search(self.embedder.encode([c]), depth)
        for c in claims:
            t0 = time.perf_counter()
            v = self.embedder.encode([c])
            t1 = time.perf_counter()
            self.store.search(v, depth)
            t2 = time.perf_counter()
            enc.append(t1 - t0)
            search.append(t2 - t1)
            both.append(t2 - t0)
        return {"what": f"embedder.encode([claim]) + IndexStore.search(k={depth}), in process",
                "total": summary_ms(both), "encode": summary_ms(enc), "faiss_search": summary_ms(search)}

    def verify_in_process(self, claims: list[str], top_k: int = 5) -> dict:
        """The whole verification of one claim (Verifier.verify_many, no cache, no HTTP) and its
        retrieval steps timed on their own: where a miss's time goes beyond the floor."""
        from index.build import lexical_tokens

        depth = self.dense_depth(top_k)
        total, lexical = [], []
        for c in claims[:3]:
            self.verifier.verify_many([c], top_k)
        for c in claims:
            t0 = time.perf_counter()
            self.verifier.verify_many([c], top_k)
            total.append(time.perf_counter() - t0)
            t1 = time.perf_counter()
            self.store.lexical_search([lexical_tokens(c)], depth)
            lexical.append(time.perf_counter() - t1)
        return {"what": "Verifier.verify_many([claim]) in process (no cache, no HTTP)", "total": summary_ms(total),
                "bm25_search": summary_ms(lexical)}

    # -- hit ------------------------------------------------------------------------------
    def hit_floor(self, redis_url: str, claim: str, reps: int, top_k: int = 5) -> dict:
        """A Redis GET (redis-py, the service's client settings) of a response cached the way
        the service caches it; then the steps a cache hit takes in the service, each timed on
        its own, and the Flask app answering the hit in process (test client, no network)."""

        from service import create_app
        from service.cache import RedisCache, cache_key
        from service.runtime import Engine
        from service.verify.schemas import VerifyResponseSchema

        prefix = f"claimverify-bench-floor:{uuid.uuid4().hex[:12]}:"
        settings = replace(self.settings, redis_url=redis_url, cache_prefix=prefix)
        if hasattr(settings, "rate_limit"):  # as on the bench's servers: one client sends fast
            settings = replace(settings, rate_limit=None)
        engine = Engine(settings)
        engine.embedder, engine.verifier, engine.state = self.embedder, self.verifier, "ready"
        result = engine.verify([claim], top_k, None)[0]  # a miss: computed and stored
        key = cache_key(claim, top_k, None, self.verifier.answer_version, prefix)
        cache: RedisCache = engine.cache
        client = cache.client
        raw = client.get(key)
        if raw is None:
            raise RuntimeError("the response was not cached in Redis")
        try:
            get = timed(lambda i: client.get(key), reps, warmup=20)
            mget_decode = timed(lambda i: cache.get_many([key]), reps, warmup=5)
            loads = timed(lambda i: json.loads(raw), reps, warmup=5)
            keying = timed(lambda i: cache_key(claim, top_k, None, self.verifier.answer_version, prefix), reps, warmup=5)
            engine_hit = timed(lambda i: engine.verify([claim], top_k, None), reps, warmup=5)
            schema = VerifyResponseSchema()
            hit_value = engine.verify([claim], top_k, None)[0]
            dump = timed(lambda i: schema.dump(hit_value), reps, warmup=5)
            app = create_app(settings, engine)
            dumped = schema.dump(hit_value)
            to_json = timed(lambda i: app.json.dumps(dumped), reps, warmup=5)
            tc = app.test_client()
            body = json.dumps({"claim": claim, "top_k": top_k}).encode()

            def post(i):
                r = tc.post("/verify", data=body, content_type="application/json")
                if r.status_code != 200 or r.get_json()["cached"] is not True:
                    raise RuntimeError(f"in-process hit answered {r.status_code}: {r.get_data()[:300]!r}")

            flask_hit = timed(post, reps, warmup=5)
            health = timed(lambda i: tc.get("/health"), reps, warmup=5)
        finally:
            for k in client.scan_iter(match=prefix + "*"):
                client.delete(k)
        return {
            "what": "redis-py GET of one cached /verify response (service client settings)",
            "cached_value_bytes": len(raw), "response_evidence": len(result.get("evidence", [])),
            "redis_get": summary_ms(get),
            "steps_of_a_hit": {
                "cache_key_sha256": summary_ms(keying),
                "redis_mget_plus_json_decode (RedisCache.get_many)": summary_ms(mget_decode),
                "json_loads_only": summary_ms(loads),
                "engine_verify_hit (key + mget + decode + copy)": summary_ms(engine_hit),
                "marshmallow_response_dump (VerifyResponseSchema)": summary_ms(dump),
                "flask_json_dumps": summary_ms(to_json),
                "flask_app_hit_in_process (test client POST /verify)": summary_ms(flask_hit),
                "flask_app_get_health_in_process": summary_ms(health),
            },
        }

    # -- batch ----------------------------------------------------------------------------
    def batch_encode_floor(self, claims: list[str], runs: int = 1) -> dict:
        """Encoding all `claims` in one encode() call; the fastest of `runs`."""
        self.embedder.encode(claims[:16])
        secs = []
        for _ in range(runs):
            t0 = time.perf_counter()
            self.embedder.encode(list(claims))
            secs.append(time.perf_counter() - t0)
        best = min(secs)
        return {"what": f"embedder.encode(all {len(claims)} claims) in one call, in process",
                "claims": len(claims), "seconds": [round(s, 3) for s in secs],
                "claims_per_s": round(len(claims) / best, 1)}


_START_SNIPPET = r"""
import json, os, sys, time
t0 = float(sys.argv[1])
from service.runtime import Engine
from service.settings import Settings
e = Engine(Settings.from_env())
e.warm_up()
assert e.ready, e.error
t = time.time() - t0
rss = None
for line in open('/proc/self/status'):
    if line.startswith('VmRSS:'):
        rss = int(line.split()[1]) * 1024
print(json.dumps({"start_to_ready_s": round(t, 3), "rss_bytes": rss, "warm_up_s": e.warm_up_seconds}))
"""


def start_floor(index_dir: Path, runs: int = 1) -> dict:
    """A bare Python process (no gunicorn, no Flask app) from spawn to a warmed Engine, with its
    resident memory then: the least a worker's start and memory can be."""
    out = []
    for _ in range(runs):
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("CLAIMVERIFY_")},
               **service_env(index_dir), "PYTHONPATH": str(ROOT)}
        env.pop("REDIS_URL", None)
        t0 = time.time()
        r = subprocess.run([sys.executable, "-c", _START_SNIPPET, repr(t0)], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError(f"start floor failed: {r.stderr[-2000:]}")
        out.append(json.loads(r.stdout.strip().splitlines()[-1]))
    best = min(out, key=lambda d: d["start_to_ready_s"])
    return {"what": "python -c 'Engine(settings).warm_up()' from spawn (no server), a worker's settings",
            "runs": out, "start_to_ready_s": best["start_to_ready_s"],
            "rss_mib": round(best["rss_bytes"] / 2 ** 20, 1) if best["rss_bytes"] else None}


def process_rss_mib() -> float | None:
    b = rss_bytes()
    return None if b is None else round(b / 2 ** 20, 1)


__all__ = ["InProcess", "start_floor", "service_env", "process_rss_mib", "ms"]
