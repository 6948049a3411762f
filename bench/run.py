"""claimverify benchmark: floors, single requests over HTTP, load, batch, start and memory,
index scale, in one run; prints a table and writes it as JSON.

    .venv/bin/python -m bench.run                      # everything (about 12-15 min on 2 quiet cores)
    .venv/bin/python -m bench.run --quick              # smoke run, about 2-3 min
    .venv/bin/python -m bench.run --parts http,batch   # some parts (floors are measured as needed)
    .venv/bin/python -m bench.run --parts load --layouts 1x4,2x4,2x8

Every figure stands beside its floor measured in the same run (ratio = figure / floor),
because the machine is shared and noisy. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

if __package__ in (None, ""):  # python bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, Table, loadavg, machine_info, ratio, summary_ms  # noqa: E402

PARTS = ("floor", "http", "load", "batch", "start", "scale", "text")
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parse_layouts(text: str) -> list[tuple[int, int]]:
    out = []
    for item in text.split(","):
        w, t = item.lower().split("x")
        out.append((int(w), int(t)))
    return out


def settings_fields() -> set[str]:
    import dataclasses

    from service.settings import Settings

    return {f.name for f in dataclasses.fields(Settings)}


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.q = args.quick
        self.table = Table()
        self.results: dict = {}
        self.index_dir = Path(args.index_dir).resolve()
        self.work_dir = Path(args.work_dir).resolve()
        self.log_dir = self.work_dir / "logs"
        self._inproc = None
        self._floors: dict = {}
        # sizes by mode
        self.n_miss = args.misses or (30 if self.q else 200)
        self.n_hit = args.hits or (100 if self.q else 500)
        self.n_batch = args.batch_claims or (200 if self.q else 1000)
        self.n_cli = args.cli_claims or (100 if self.q else 1000)
        self.load_seconds = args.load_seconds or (5 if self.q else 20)
        self.layouts = parse_layouts(args.layouts or ("2x4" if self.q else "1x4,2x4,2x8"))
        self.main_layout = parse_layouts(args.layout)[0]
        self.start_runs = args.start_runs or (1 if self.q else 2)
        # claims: one deterministic pool, disjoint slices per use on the same server
        from bench.textgen import claims

        need = self.n_miss + 20 + 4 * self.n_batch + self.n_cli + 80
        pool = claims(need)
        take = iter(range(len(pool)))

        def nxt(n: int) -> list[str]:
            return [pool[next(take)] for _ in range(n)]

        self.hit_claims = nxt(20)
        self.miss_claims = nxt(self.n_miss)
        self.batch_seq = nxt(self.n_batch)
        self.batch_one = nxt(self.n_batch)
        self.batch_par = nxt(self.n_batch)
        self.cli_claims = nxt(self.n_cli)
        self.limiter_claims = nxt(60)
        # load: its own servers (fresh cache prefix each), so its own longer list
        hits = set(self.hit_claims)
        self.load_misses = [c for c in claims(self.load_seconds * 200 + 600, seed=777) if c not in hits]
        self.server_env = {"CLAIMVERIFY_MAX_BATCH_CLAIMS": str(max(1000, self.n_batch))}
        fields = settings_fields()
        if "rate_limit" in fields:  # the limiter would answer 429 to one loopback client sending fast
            self.server_env["CLAIMVERIFY_RATE_LIMIT"] = "off"
        for item in args.server_env or []:
            k, v = item.split("=", 1)
            self.server_env[k] = v

    # -- shared -----------------------------------------------------------------------------
    @property
    def inproc(self):
        if self._inproc is None:
            from bench.floor import InProcess

            log(f"loading the engine in process (index under {self.index_dir}) ...")
            self._inproc = InProcess(self.index_dir)
            self.results["encoder"] = self._inproc.describe()
            log(f"  {self.results['encoder']['encoder_class']} ({self.results['encoder']['model']}), "
                f"{self.results['encoder']['passages']} passages, ready in {self._inproc.warm_up_seconds:.1f}s")
        return self._inproc

    def floor(self, name: str) -> dict:
        if name in self._floors:
            return self._floors[name]
        ip = self.inproc
        log(f"floor: {name} ...")
        if name == "miss":
            r = ip.miss_floor(self.miss_claims)
        elif name == "verify":
            r = ip.verify_in_process(self.miss_claims)
        elif name == "hit":
            r = ip.hit_floor(self.args.redis_url, self.hit_claims[0], 300 if self.q else 1000)
        elif name == "batch":
            r = ip.batch_encode_floor(self.batch_seq, runs=1 if self.q else 2)
        else:
            raise KeyError(name)
        self._floors[name] = r
        self.results.setdefault("floor", {})[name] = r
        return r

    def server(self, layout: tuple[int, int], extra: dict | None = None, label: str = ""):
        from bench.server import Server

        return Server(layout[0], layout[1], self.index_dir, self.log_dir, self.args.redis_url,
                      {**self.server_env, **(extra or {})}, label=label)

    # -- parts ------------------------------------------------------------------------------
    def part_floor(self) -> None:
        m, h = self.floor("miss"), self.floor("hit")
        self.floor("verify")
        t = self.table
        t.add("floor", "encode 1 claim + FAISS search p50", m["total"]["p50_ms"], "ms",
              note=m["what"])
        t.add("floor", "  of which encode p50", m["encode"]["p50_ms"], "ms")
        t.add("floor", "  of which FAISS search p50", m["faiss_search"]["p50_ms"], "ms")
        t.add("floor", "Redis GET cached response p50", h["redis_get"]["p50_ms"], "ms",
              note=f"{h['cached_value_bytes']} bytes")
        v = self._floors["verify"]
        t.add("floor", "verify 1 claim in process p50 (info)", v["total"]["p50_ms"], "ms", m["total"]["p50_ms"],
              ratio(v["total"]["p50_ms"], m["total"]["p50_ms"]), note=v["what"])
        steps = h["steps_of_a_hit"]
        for label, key in (("hit in process: Engine.verify p50", "engine_verify_hit (key + mget + decode + copy)"),
                           ("hit in process: response schema dump p50", "marshmallow_response_dump (VerifyResponseSchema)"),
                           ("hit in process: Flask app (test client) p50", "flask_app_hit_in_process (test client POST /verify)")):
            t.add("floor", label, steps[key]["p50_ms"], "ms", h["redis_get"]["p50_ms"],
                  ratio(steps[key]["p50_ms"], h["redis_get"]["p50_ms"]))

    def part_http(self, srv) -> None:
        from bench.server import Client, body_of

        miss_floor, hit_floor = self.floor("miss"), self.floor("hit")
        c = Client(srv.base)
        log(f"http: {len(self.miss_claims)} cache misses (distinct claims), one at a time ...")
        miss_lat, anomalies = [], {"non_200": 0, "miss_answered_cached": 0, "hit_answered_fresh": 0}
        for claim in self.miss_claims:
            status, data, secs = c.post("/verify", body_of(claim))
            if status != 200:
                anomalies["non_200"] += 1
                continue
            if b'"cached":false' not in data:
                anomalies["miss_answered_cached"] += 1
            miss_lat.append(secs)
        log(f"http: priming {len(self.hit_claims)} claims, then {self.n_hit} cache hits ...")
        for claim in self.hit_claims:
            c.post("/verify", body_of(claim))
        hit_lat = []
        bodies = [body_of(x) for x in self.hit_claims]
        for i in range(self.n_hit):
            status, data, secs = c.post("/verify", bodies[i % len(bodies)])
            if status != 200:
                anomalies["non_200"] += 1
                continue
            if b'"cached":true' not in data:
                anomalies["hit_answered_fresh"] += 1
            hit_lat.append(secs)
        health = []
        for _ in range(200 if not self.q else 50):
            status, _, secs = c.get("/health")
            health.append(secs)
        c.close()
        miss, hit, hl = summary_ms(miss_lat), summary_ms(hit_lat), summary_ms(health)
        r = {"layout": f"{srv.workers}x{srv.threads}", "client": "python http.client, one keep-alive connection",
             "miss": miss, "hit": hit, "get_health": hl, "anomalies": anomalies,
             "miss_floor": miss_floor["total"], "hit_floor": hit_floor["redis_get"]}
        self.results["http"] = r
        t = self.table
        mf, hf = miss_floor["total"], hit_floor["redis_get"]
        for p in ("p50", "p95", "p99"):
            k = f"{p}_ms"
            ok = (miss[k] <= 2 * mf[k]) if p == "p50" else None
            t.add("http", f"cache-miss {p}", miss[k], "ms", mf[k], ratio(miss[k], mf[k]),
                  "<= 2x floor" if p == "p50" else "", ok)
        for p in ("p50", "p95", "p99"):
            k = f"{p}_ms"
            ok = hit[k] <= 3.0 if p == "p50" else None
            t.add("http", f"cache-hit {p}", hit[k], "ms", hf[k], ratio(hit[k], hf[k]),
                  "<= 3 ms" if p == "p50" else "", ok)
        t.add("http", "GET /health p50 (info: HTTP+Flask alone)", hl["p50_ms"], "ms")
        if any(anomalies.values()):
            t.add("http", "anomalies (non-200, wrong cached flag)", sum(anomalies.values()), "", target="0", ok=False)
        if "rate_limit" in settings_fields() and not self.args.no_limiter_check:
            self._limiter_check(hit_floor)

    def _limiter_check(self, hit_floor: dict) -> None:
        """Cache hits with the rate limiter on (a limit never reached): what it adds per request."""
        from bench.server import Client, body_of

        limit = "1000000/minute"
        log(f"http: cache hits with the rate limiter on ({limit}, counted in Redis) ...")
        with self.server(self.main_layout, {"CLAIMVERIFY_RATE_LIMIT": limit}, label="limiter") as srv:
            srv.start()
            c = Client(srv.base)
            hits = self.limiter_claims[:10]
            for claim in hits:
                c.post("/verify", body_of(claim))
            lat, bad = [], 0
            for i in range(100 if self.q else 300):
                status, data, secs = c.post("/verify", body_of(hits[i % len(hits)]))
                bad += status != 200 or b'"cached":true' not in data
                lat.append(secs)
            c.close()
        s = summary_ms(lat)
        self.results["http"]["hit_with_rate_limiter"] = {"limit": limit, "hit": s, "anomalies": bad}
        base = self.results["http"]["hit"]["p50_ms"]
        self.table.add("http", "cache-hit p50, rate limiter on (info)", s["p50_ms"], "ms", base,
                       ratio(s["p50_ms"], base), note="floor column: cache-hit p50 with the limiter off")

    def part_batch(self, srv) -> None:
        from bench.server import Client, body_of

        floor = self.floor("batch")
        n = self.n_batch
        per = 100
        out: dict = {"claims": n, "floor": floor}

        def run_chunks(chunks: list[list[str]], conns: int) -> tuple[float, int]:
            bad = [0]
            lock = threading.Lock()
            queue = list(chunks)

            def worker():
                c = Client(srv.base, timeout=600)
                while True:
                    with lock:
                        if not queue:
                            break
                        chunk = queue.pop(0)
                    status, data, _ = c.post("/verify/batch", body_of(chunk))
                    ok = status == 200 and len(json.loads(data)["results"]) == len(chunk) and b'"cached":true' not in data
                    if not ok:
                        with lock:
                            bad[0] += 1
                c.close()

            t0 = time.perf_counter()
            threads = [threading.Thread(target=worker) for _ in range(conns)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            return time.perf_counter() - t0, bad[0]

        log(f"batch: {n} claims as {n // per} x POST /verify/batch of {per}, one after another ...")
        secs, bad = run_chunks([self.batch_seq[i:i + per] for i in range(0, n, per)], 1)
        out["sequential_100"] = {"seconds": round(secs, 2), "claims_per_s": round(n / secs, 1), "failed_requests": bad}
        log(f"batch: {n} claims in one request (CLAIMVERIFY_MAX_BATCH_CLAIMS={self.server_env['CLAIMVERIFY_MAX_BATCH_CLAIMS']}) ...")
        secs1, bad1 = run_chunks([self.batch_one], 1)
        out["one_request"] = {"seconds": round(secs1, 2), "claims_per_s": round(n / secs1, 1), "failed_requests": bad1}
        conns = srv.workers
        log(f"batch: {n} claims as {n // per} requests of {per}, {conns} in flight ...")
        secs2, bad2 = run_chunks([self.batch_par[i:i + per] for i in range(0, n, per)], conns)
        out["parallel_100"] = {"in_flight": conns, "seconds": round(secs2, 2), "claims_per_s": round(n / secs2, 1),
                               "failed_requests": bad2}
        out["cli"] = self._batch_cli()
        self.results["batch"] = out
        t, f = self.table, floor["claims_per_s"]
        v = out["sequential_100"]["claims_per_s"]
        t.add("batch", f"HTTP /verify/batch {n // per}x{per} sequential", v, "claims/s", f, ratio(v, f), ">= 0.7x floor",
              v >= 0.7 * f and bad == 0)
        v = out["one_request"]["claims_per_s"]
        t.add("batch", f"HTTP /verify/batch 1x{n}", v, "claims/s", f, ratio(v, f), ok=None)
        v = out["parallel_100"]["claims_per_s"]
        t.add("batch", f"HTTP /verify/batch {n // per}x{per}, {conns} in flight", v, "claims/s", f, ratio(v, f))
        cli = out["cli"]
        if cli.get("claims_per_s"):
            t.add("batch", f"CLI python -m index verify --file ({self.n_cli})", cli["claims_per_s"], "claims/s", f,
                  ratio(cli["claims_per_s"], f), note="its own timer, after the engine loaded")
            t.add("batch", "  CLI wall time incl. start", cli["wall_s"], "s")
        if bad or bad1 or bad2:
            t.add("batch", "failed batch requests", bad + bad1 + bad2, "", target="0", ok=False)

    def _batch_cli(self) -> dict:
        from bench.floor import service_env

        log(f"batch: CLI python -m index verify --file ({self.n_cli} claims) ...")
        with tempfile.TemporaryDirectory(prefix="claimverify-bench-") as tmp:
            f = Path(tmp) / "claims.txt"
            f.write_text("\n".join(self.cli_claims) + "\n", encoding="utf-8")
            env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMVERIFY_") and k != "REDIS_URL"}
            env.update(service_env(self.index_dir))
            env["PYTHONPATH"] = str(ROOT)
            t0 = time.perf_counter()
            r = subprocess.run([sys.executable, "-m", "index", "verify", "--file", str(f)], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=1800)
            wall = time.perf_counter() - t0
        lines = [x for x in r.stdout.splitlines() if x.strip()]
        timer = next((x for x in reversed(r.stderr.splitlines()) if " claims in " in x), None)
        out = {"returncode": r.returncode, "results": len(lines), "wall_s": round(wall, 2),
               "env": "the gunicorn worker's settings (gunicorn_conf raw_env), no Redis"}
        if timer:
            n, secs = timer.split(" claims in ")
            secs_f = float(secs.strip().rstrip("s"))
            out.update({"timer_line": timer.strip(), "seconds": secs_f, "claims_per_s": round(int(n) / secs_f, 1)})
        if r.returncode != 0:
            out["stderr_tail"] = r.stderr[-1500:]
        return out

    def part_load(self) -> None:
        from bench.load import prime, run_load

        runs = []
        hit_tenths = int(round(self.args.hit_ratio * 10))
        for layout in self.layouts:
            label = f"{layout[0]}x{layout[1]}"
            log(f"load: layout {label}: starting ...")
            with self.server(layout, label=f"load-{label}") as srv:
                srv.start()
                prime(srv.base, self.hit_claims)
                log(f"load: layout {label}: {self.args.connections} connections, {self.load_seconds}s, "
                    f"{hit_tenths}/10 hits ...")
                r = run_load(srv, self.load_misses, self.hit_claims, hit_tenths, self.load_seconds,
                             self.args.connections, self.args.load_tool)
                r["layout"] = label
                r["memory_after"] = srv.memory()
                runs.append(r)
                log(f"  {r['rps']} req/s, p50 {r['latency']['p50_ms']} ms, p99 {r['latency']['p99_ms']} ms, "
                    f"errors {r['errors']['total']}, server {r['cpu']['server_cores']} cores, "
                    f"load tool {r['cpu']['loadgen_cores']} cores")
        clean = [r for r in runs if r["errors"]["total"] == 0] or runs
        best = max(clean, key=lambda r: (r["rps"], -(r["latency"]["p99_ms"] or 0)))
        self.results["load"] = {"hit_ratio": hit_tenths / 10, "connections": self.args.connections,
                                "seconds": self.load_seconds, "runs": runs, "fastest_layout": best["layout"]}
        t = self.table
        for r in runs:
            lab = f"{r['layout']}"
            t.add("load", f"{lab} throughput ({int(hit_tenths * 10)}% hits)", r["rps"], "req/s")
            t.add("load", f"{lab} latency p50 / p99", f"{r['latency']['p50_ms']:.1f} / {r['latency']['p99_ms']:.1f}", "ms")
            t.add("load", f"{lab} errors (socket + non-2xx)", r["errors"]["total"], "", target="0",
                  ok=r["errors"]["total"] == 0)
            t.add("load", f"{lab} answered hits / misses", f"{r['answered']['cached_hits']} / {r['answered']['misses']}")
            t.add("load", f"{lab} CPU: server / load tool", f"{r['cpu']['server_cores']} / {r['cpu']['loadgen_cores']}",
                  "cores")
        if len(runs) > 1:
            t.add("load", "fastest layout (workers x threads)", best["layout"], note="highest req/s with zero errors")

    def part_start(self, main_memory: dict | None) -> None:
        from bench.floor import start_floor

        log(f"start: {self.start_runs} bare engine start(s) (floor) ...")
        floor = start_floor(self.index_dir, self.start_runs)
        runs = []
        for i in range(self.start_runs):
            log(f"start: gunicorn {self.main_layout[0]}x{self.main_layout[1]} start {i + 1}/{self.start_runs} ...")
            with self.server(self.main_layout, label="start") as srv:
                timings = srv.start()
                time.sleep(1.0)
                timings["memory_at_ready"] = srv.memory()
                runs.append(timings)
        best = min(runs, key=lambda r: r["start_to_first_ready_s"])
        self.results["start"] = {"floor": floor, "runs": runs, "memory_after_http_and_batch": main_memory}
        t = self.table
        fs = floor["start_to_ready_s"]
        t.add("start", "process start -> /ready (first worker)", best["start_to_first_ready_s"], "s", fs,
              ratio(best["start_to_first_ready_s"], fs), note=floor["what"])
        if best["start_to_all_workers_ready_s"] is not None:
            t.add("start", "process start -> every worker ready", best["start_to_all_workers_ready_s"], "s", fs,
                  ratio(best["start_to_all_workers_ready_s"], fs))
        mem = best["memory_at_ready"]
        t.add("start", "RSS per worker at ready (max)", mem["worker_rss_mib_max"], "MiB", floor["rss_mib"],
              ratio(mem["worker_rss_mib_max"], floor["rss_mib"]))
        t.add("start", "RSS master + workers at ready", mem["total_rss_mib"], "MiB")
        if main_memory:
            t.add("start", "RSS per worker after http+batch (max)", main_memory["worker_rss_mib_max"], "MiB",
                  floor["rss_mib"], ratio(main_memory["worker_rss_mib_max"], floor["rss_mib"]))

    def part_text(self) -> None:
        from bench.text_scaling import run_text_scaling

        r = run_text_scaling()
        self.results["text"] = r
        for shape, m in r.items():
            # linear: time grows with length (4x); quadratic would be 16x. Target: at most 1.5x linear.
            limit = 1.5 * m["size_growth"]
            self.table.add("text", f"read a passage, {m['chars'][0]:,} -> {m['chars'][1]:,} chars: {shape}",
                           m["growth"], "x time", target=f"<= {limit:g}x", ok=m["growth"] <= limit,
                           note=f"{m['ms'][0]} -> {m['ms'][1]} ms")

    def part_scale(self) -> None:
        from bench.scale import run_scale

        sizes = [int(float(x)) for x in (self.args.scale_sizes or ("10000,60000" if self.q else "10000,100000,1000000")).split(",")]
        extra = {}
        for item in (self.args.scale_extra if self.args.scale_extra is not None else ("60000:hnsw" if self.q else "100000:hnsw")).split(","):
            if item:
                n, kinds = item.split(":")
                extra[int(float(n))] = kinds.split("+")
        real_max = self.args.scale_real or (1000 if self.q else 5000)
        n_tune, n_eval = (100, 50) if self.q else (300, 200)
        from bench.floor import InProcess

        bulk = InProcess(self.index_dir, worker_env=False)  # bulk encoding: the encoder's default threads
        r = run_scale(bulk.embedder, sizes, real_max=real_max, n_tune=n_tune, n_eval=n_eval,
                      configured=self.args.index_kind, exact_max=self.args.exact_max, extra_kinds=extra,
                      latency_reps=100 if self.q else 300, work_dir=self.work_dir, log=log)
        self.results["scale"] = r
        t = self.table
        c = r["corpus"]
        t.add("scale", "encode passages (real sample)", c["encode_passages_per_s"], "passages/s",
              note=f"{c['real_passages']} real; beyond: derived vectors (see JSON corpus.derived_vectors)")
        for s in r["sizes"]:
            n = s["passages"]
            lab = f"{n:,}" + (" (derived)" if s["vectors"] != "real" else "")
            fl = s["flat"]
            t.add("scale", f"{lab} flat: build / disk / mem / RSS+",
                  f"{fl['build_s']} s / {fl['disk_mib']} / {fl['mem_mib']} / {fl['rss_growth_mib']} MiB")
            t.add("scale", f"{lab} flat query p50 / p95", f"{fl['query']['p50_ms']:.3f} / {fl['query']['p95_ms']:.3f}", "ms")
            for kind in ("ivf", "hnsw"):
                if kind not in s:
                    continue
                a = s[kind]
                chosen = " [chosen]" if s["chosen_kind"] == kind else ""
                t.add("scale", f"{lab} {kind}{chosen}: build / disk / mem / RSS+",
                      f"{a['build_s']} s / {a['disk_mib']} / {a['mem_mib']} / {a['rss_growth_mib']} MiB")
                setting = ", ".join(f"{k}={v}" for k, v in a["search_setting"].items())
                t.add("scale", f"{lab} {kind}{chosen} query p50 / p95 ({setting})",
                      f"{a['query']['p50_ms']:.3f} / {a['query']['p95_ms']:.3f}", "ms", fl["query"]["p50_ms"],
                      ratio(a["query"]["p50_ms"], fl["query"]["p50_ms"]), note="floor column: flat at the same size")
                t.add("scale", f"{lab} {kind}{chosen} recall@10 vs exact", a["recall_at_10"], target=">= 0.95",
                      ok=a["recall_at_10"] >= 0.95)
        first, last = r["sizes"][0], r["sizes"][-1]
        if len(r["sizes"]) > 1:
            base = first[first["chosen_kind"]]["query"]["p50_ms"]
            big = last[last["chosen_kind"]]
            t.add("scale", f"{last['passages']:,} query p50 ({last['chosen_kind']}) vs {first['passages']:,} ({first['chosen_kind']})",
                  big["query"]["p50_ms"], "ms", base, ratio(big["query"]["p50_ms"], base), "<= 3x",
                  big["query"]["p50_ms"] <= 3 * base)
            t.add("scale", f"{last['passages']:,} recall@10 ({last['chosen_kind']}) vs exact", big["recall_at_10"],
                  target=">= 0.95", ok=big["recall_at_10"] >= 0.95)

    # -- run ------------------------------------------------------------------------------
    def run(self, parts: list[str]) -> dict:
        t_all = time.perf_counter()
        self.results["machine"] = machine_info()
        self.results["config"] = {
            "mode": "quick" if self.q else "full", "parts": parts, "layout_http_batch": "%dx%d" % self.main_layout,
            "load_layouts": ["%dx%d" % x for x in self.layouts], "load_seconds": self.load_seconds,
            "connections": self.args.connections, "hit_ratio": self.args.hit_ratio, "misses": self.n_miss,
            "hits": self.n_hit, "batch_claims": self.n_batch, "cli_claims": self.n_cli, "start_runs": self.start_runs,
            "redis_url": self.args.redis_url, "server_env": self.server_env, "index_dir": str(self.index_dir),
            "claims": "bench/textgen.claims: seed sentences and eval claims, their variants, templates (distinct)",
        }
        errors = {}
        main_memory = None

        def guarded(name, fn, *a):
            t0 = time.perf_counter()
            try:
                fn(*a)
            except Exception as e:  # a failed part is reported, the others still run
                errors[name] = f"{type(e).__name__}: {e}"
                log(f"{name} FAILED: {errors[name]}\n{traceback.format_exc()}")
                self.table.add(name, "ERROR", str(e)[:80], ok=False)
            self.results.setdefault("part_seconds", {})[name] = round(time.perf_counter() - t0, 1)
            self.results.setdefault("loadavg", {})[name] = loadavg()

        if "floor" in parts:
            guarded("floor", self.part_floor)
        if "text" in parts:
            guarded("text", self.part_text)
        if "http" in parts or "batch" in parts:
            # floors first, while no server runs
            for name in (["miss", "hit"] if "http" in parts else []) + (["batch"] if "batch" in parts else []):
                guarded(f"floor:{name}", self.floor, name)
            srv = None
            try:
                log("starting the service for http/batch (%dx%d) ..." % self.main_layout)
                srv = self.server(self.main_layout, label="main")
                self.results["main_server_start"] = srv.start()
                if "http" in parts:
                    guarded("http", self.part_http, srv)
                if "batch" in parts:
                    guarded("batch", self.part_batch, srv)
                main_memory = srv.memory()
            except Exception as e:
                errors["server"] = f"{type(e).__name__}: {e}"
                log(f"server FAILED: {e}")
                self.table.add("http", "ERROR starting the service", str(e)[:80], ok=False)
            finally:
                if srv:
                    srv.stop()
        if "load" in parts:
            guarded("load", self.part_load)
        if "start" in parts:
            guarded("start", self.part_start, main_memory)
        if "scale" in parts:
            guarded("scale", self.part_scale)
        self.results["errors"] = errors
        self.results["elapsed_s"] = round(time.perf_counter() - t_all, 1)
        self.results["machine"]["loadavg_at_end"] = loadavg()
        self.results["table"] = self.table.rows
        return self.results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--parts", default=",".join(PARTS), help="comma-separated, any of " + ",".join(PARTS) + " (default all)")
    p.add_argument("--quick", action="store_true", help="smoke run: small counts, short load, small scale sizes")
    p.add_argument("--out", type=Path, help="JSON output (default bench/results/latest.json, quick.json with --quick)")
    p.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or DEFAULT_REDIS,
                   help=f"Redis for the cache (default REDIS_URL or {DEFAULT_REDIS})")
    p.add_argument("--index-dir", default=str(ROOT / "var" / "bench" / "index"),
                   help="where the bench builds the seeds' index (default var/bench/index)")
    p.add_argument("--work-dir", default=str(ROOT / "var" / "bench"),
                   help="gunicorn logs and temporary index files (default var/bench)")
    p.add_argument("--layout", default="%sx%s" % (os.environ.get("WEB_CONCURRENCY", "2"),
                                                   os.environ.get("CLAIMVERIFY_THREADS", "4")),
                   help="workers x threads for the http, batch and start parts (default WEB_CONCURRENCY x "
                        "CLAIMVERIFY_THREADS, else gunicorn_conf's 2x4)")
    p.add_argument("--layouts", help="workers x threads to compare under load (default 1x4,2x4,2x8; quick: 2x4)")
    p.add_argument("--load-seconds", type=int, help="per layout (default 20; quick 5)")
    p.add_argument("--connections", type=int, default=16, help="concurrent load connections (default 16)")
    p.add_argument("--hit-ratio", type=float, default=0.8,
                   help="share of load requests that are cache hits, in tenths (default 0.8)")
    p.add_argument("--load-tool", choices=("auto", "wrk", "python"), default="auto",
                   help="auto: wrk when installed, else python (default auto)")
    p.add_argument("--misses", type=int, help="single cache-miss requests (default 200; quick 30)")
    p.add_argument("--hits", type=int, help="single cache-hit requests (default 500; quick 100)")
    p.add_argument("--batch-claims", type=int, help="claims per batch run (default 1000; quick 200)")
    p.add_argument("--cli-claims", type=int, help="claims through the CLI (default 1000; quick 100)")
    p.add_argument("--start-runs", type=int, help="gunicorn starts timed (default 2; quick 1)")
    p.add_argument("--scale-sizes", help="passages per corpus (default 10000,100000,1000000; quick 10000,60000)")
    p.add_argument("--scale-extra", help="index kinds measured besides the chosen one, per size, for comparison "
                                         "(default 100000:hnsw; quick 60000:hnsw; '' for none)")
    p.add_argument("--scale-real", type=int, help="passages embedded for real (default 5000; quick 1000); "
                                                  "the rest derived from them")
    p.add_argument("--index-kind", default="auto", choices=("auto", "flat", "ivf", "hnsw"),
                   help="index/ann.choose_kind's configured kind (default auto)")
    p.add_argument("--exact-max", type=int, default=None, help="choose_kind's exact_max (default index.ann.DEFAULT_EXACT_MAX)")
    p.add_argument("--server-env", action="append", metavar="KEY=VALUE", help="extra environment for gunicorn")
    p.add_argument("--no-limiter-check", action="store_true", help="skip the cache-hit run with the rate limiter on")
    args = p.parse_args(argv)
    parts = [x.strip() for x in args.parts.split(",") if x.strip()]
    unknown = [x for x in parts if x not in PARTS]
    if unknown:
        p.error(f"unknown parts: {', '.join(unknown)}")
    if args.exact_max is None:
        from index.ann import DEFAULT_EXACT_MAX

        args.exact_max = DEFAULT_EXACT_MAX
    out = args.out or ROOT / "bench" / "results" / ("quick.json" if args.quick else "latest.json")
    bench = Bench(args)
    results = bench.run(parts)
    print(bench.table.render())
    print(f"\n{results['elapsed_s']} s; loadavg at start {results['machine']['loadavg_at_start']}, "
          f"at end {results['machine']['loadavg_at_end']}; JSON: {out}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
