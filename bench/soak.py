"""Soak run: the service under gunicorn, a bounded load for some minutes on loopback, and what it
did to errors and memory.

    .venv/bin/python -m bench.soak                          # 3 minutes after a 30 s warm phase
    .venv/bin/python -m bench.soak --minutes 5 --connections 16

The service runs as `make run` starts it (service/gunicorn_conf.py), with Redis as its cache and
with the rate limiter on, at a limit no loopback run reaches (so its code path is exercised).
A warm phase first fills what a worker fills once (caches, the encoder's memory arena); then
the load runs in segments, with every worker's resident memory sampled after each. Reported:
requests, errors (socket errors, timeouts, any non-2xx), and per worker the RSS at the start
and end of the soak and its growth. Exit code 1 if there were errors or a worker grew by
10% or more (`--max-growth`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # python bench/soak.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, loadavg, machine_info  # noqa: E402
from bench.load import prime, run_load  # noqa: E402
from bench.server import Server  # noqa: E402
from bench.textgen import claims  # noqa: E402


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def worker_rss(server: Server) -> dict[int, float]:
    return {w["pid"]: w["rss_mib"] for w in server.memory()["workers"]}


def soak(minutes: float, warm_seconds: float, segment_seconds: float, connections: int, hit_tenths: int,
         redis_url: str, index_dir: Path, log_dir: Path) -> dict:
    segments = max(1, round(minutes * 60 / segment_seconds))
    # Enough distinct misses that none repeats (a repeated miss would be a hit).
    pool = claims(int((warm_seconds + segments * segment_seconds) * 60) + 100, seed=4242)
    hit_claims, miss_claims = pool[:50], pool[50:]
    env = {"CLAIMVERIFY_RATE_LIMIT": "1000000/minute"}
    with Server(2, 4, index_dir, log_dir, redis_url, extra_env=env, label="soak") as server:
        started = server.start()
        log(f"ready: {started}")
        prime(server.base, hit_claims)
        used = 0

        def load(seconds: float) -> dict:
            nonlocal used
            r = run_load(server, miss_claims[used:], hit_claims, hit_tenths, seconds, connections)
            used += r.get("sent", {}).get("misses", r["answered"]["misses"]) + 50
            return r

        log(f"warm phase: {warm_seconds:.0f} s")
        warm = load(warm_seconds)
        start_rss = worker_rss(server)
        log(f"soak: {segments} x {segment_seconds:.0f} s; RSS at start {start_rss}")
        runs, samples = [], []
        t0 = time.perf_counter()
        for i in range(segments):
            r = load(segment_seconds)
            runs.append(r)
            samples.append({"t_s": round(time.perf_counter() - t0, 1), "rss_mib": worker_rss(server),
                            "rps": r["rps"], "errors": r["errors"]["total"]})
            log(f"  segment {i + 1}/{segments}: {r['requests']} requests, {r['rps']} req/s, "
                f"errors {r['errors']['total']}, RSS {samples[-1]['rss_mib']}")
        end_rss = worker_rss(server)
        ready_after = server.memory()
    requests = sum(r["requests"] for r in runs)
    errors = sum(r["errors"]["total"] for r in runs)
    growth = {pid: round(100 * (end_rss[pid] / start_rss[pid] - 1), 2)
              for pid in start_rss if pid in end_rss and start_rss[pid]}
    if set(end_rss) != set(start_rss):  # a worker restarted: its growth is not comparable, and that is news
        growth["workers_replaced"] = sorted(set(start_rss) ^ set(end_rss))
    return {
        "soak_seconds": round(sum(r["duration_s"] for r in runs), 1), "requests": requests, "errors": errors,
        "error_kinds": {k: sum(r["errors"].get(k, 0) for r in runs) for k in runs[0]["errors"] if k != "total"},
        "rps": round(requests / sum(r["duration_s"] for r in runs), 1),
        "answered": {k: sum(r["answered"].get(k, 0) for r in runs) for k in ("cached_hits", "misses", "status_5xx")},
        "latency_ms_per_segment": [{k: r["latency"][k] for k in ("p50_ms", "p99_ms")} for r in runs],
        "rss_mib_start": start_rss, "rss_mib_end": end_rss, "rss_growth_percent": growth,
        "rss_samples": samples, "memory_at_end": ready_after,
        "warm_phase": {"seconds": warm["duration_s"], "requests": warm["requests"], "errors": warm["errors"]["total"]},
        "server": {"layout": "2x4", "start": started, "redis": True, "rate_limit": env["CLAIMVERIFY_RATE_LIMIT"]},
        "load": {"tool": runs[0]["tool"], "connections": connections, "hits_per_10": hit_tenths},
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=3.0)
    p.add_argument("--warm-seconds", type=float, default=30.0)
    p.add_argument("--segment-seconds", type=float, default=30.0)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--hit-tenths", type=int, default=8, help="cache hits per 10 requests")
    p.add_argument("--max-growth", type=float, default=10.0, help="percent; more is a failure")
    p.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    p.add_argument("--index-dir", type=Path, default=ROOT / "var" / "bench" / "index")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "soak.json")
    args = p.parse_args(argv)
    load_before = loadavg()
    result = soak(args.minutes, args.warm_seconds, args.segment_seconds, args.connections, args.hit_tenths,
                  args.redis_url, args.index_dir.resolve(), ROOT / "var" / "bench" / "logs")
    growth = [v for k, v in result["rss_growth_percent"].items() if k != "workers_replaced"]
    ok = result["errors"] == 0 and growth and max(growth) < args.max_growth \
        and "workers_replaced" not in result["rss_growth_percent"]
    report = {"machine": machine_info(), "loadavg_before": load_before, "loadavg_after": loadavg(),
              "max_growth_percent": args.max_growth, "pass": bool(ok), **result}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    print(f"soak {result['soak_seconds']} s: {result['requests']} requests ({result['rps']} req/s), "
          f"errors {result['errors']}; worker RSS MiB start {result['rss_mib_start']} -> end {result['rss_mib_end']}, "
          f"growth % {result['rss_growth_percent']} -> {'PASS' if ok else 'FAIL'} ({args.out})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
