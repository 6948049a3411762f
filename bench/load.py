"""Concurrent clients on loopback for a fixed mix of cache hits and misses, bounded in time.

wrk (C, epoll; `apt-get install wrk`) drives POST /verify through bench/wrk_verify.lua when it
is installed; otherwise a thread-per-connection Python generator does. Either way the load
generator's own CPU time is measured beside the server's, so one can see it is not what limits
the rate on 2 shared cores.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from bench.common import summary_ms
from bench.server import Client, Server, body_of

LUA = Path(__file__).with_name("wrk_verify.lua")


def prime(base: str, claims: list[str], top_k: int = 5) -> int:
    """Send each claim once (a miss, so it is cached); returns how many answered 200."""
    c = Client(base)
    ok = 0
    for claim in claims:
        status, _, _ = c.post("/verify", body_of(claim, top_k))
        ok += status == 200
    c.close()
    return ok


def run_wrk(server: Server, miss_claims: list[str], hit_claims: list[str], hit_tenths: int, duration_s: float,
            connections: int, wrk_threads: int = 1, timeout_s: int = 30) -> dict:
    wrk = shutil.which("wrk")
    with tempfile.TemporaryDirectory(prefix="claimverify-bench-") as tmp:
        misses, hits = Path(tmp) / "misses.txt", Path(tmp) / "hits.txt"
        misses.write_bytes(b"\n".join(body_of(c) for c in miss_claims) + b"\n")
        hits.write_bytes(b"\n".join(body_of(c) for c in hit_claims) + b"\n")
        cmd = [wrk, "-t", str(wrk_threads), "-c", str(connections), "-d", f"{int(duration_s)}s",
               "--timeout", f"{timeout_s}s", "-s", str(LUA), server.base, "--", str(misses), str(hits),
               str(hit_tenths), str(wrk_threads)]
        out_path = Path(tmp) / "wrk.out"
        cpu0, t0 = server.cpu_seconds(), time.perf_counter()
        with open(out_path, "w") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + duration_s + timeout_s + 30
            while True:  # wait4 gives the child's own CPU time
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    proc.kill()
                    pid, status, usage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.1)
            proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        server_cpu = server.cpu_seconds() - cpu0
        text = out_path.read_text()
    line = next((x for x in text.splitlines() if x.startswith("WRK_JSON ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {text[-2000:]}")
    r = json.loads(line.removeprefix("WRK_JSON "))
    lat = r["latency_us"]
    secs = r["duration_us"] / 1e6
    counts = r["counts"]
    e = r["errors"]
    return {
        "tool": f"wrk -t{wrk_threads} -c{connections} -d{int(duration_s)}s (Lua: bench/wrk_verify.lua)",
        "duration_s": round(secs, 2), "requests": r["requests"], "rps": round(r["requests"] / secs, 1),
        "latency": {"p50_ms": lat["p50"] / 1000, "p90_ms": lat["p90"] / 1000, "p95_ms": lat["p95"] / 1000,
                    "p99_ms": lat["p99"] / 1000, "max_ms": lat["max"] / 1000, "mean_ms": round(lat["mean"] / 1000, 3)},
        "errors": {"socket_connect": e["connect"], "socket_read": e["read"], "socket_write": e["write"],
                   "timeout": e["timeout"], "non_2xx": e["status"],
                   "total": e["connect"] + e["read"] + e["write"] + e["timeout"] + e["status"]},
        "answered": {"cached_hits": counts["got_cached"], "misses": counts["got_fresh"],
                     "status_2xx": counts["status_2xx"], "status_4xx": counts["status_4xx"],
                     "status_5xx": counts["status_5xx"], "miss_list_wrapped": counts["miss_wraps"]},
        "sent": {"hits": counts["sent_hits"], "misses": counts["sent_misses"]},
        "cpu": {"server_cores": round(server_cpu / wall, 2),
                "loadgen_cores": round((usage.ru_utime + usage.ru_stime) / wall, 3)},
    }


def run_python(server: Server, miss_claims: list[str], hit_claims: list[str], hit_tenths: int, duration_s: float,
               connections: int, max_requests: int = 200_000) -> dict:
    """The fallback: one thread and one keep-alive connection per simulated client."""
    lock = threading.Lock()
    state = {"n": 0, "mi": 0, "hi": 0}
    lat, errors = [], {"socket": 0, "timeout": 0, "non_2xx": 0}
    answered = {"cached_hits": 0, "misses": 0}
    stop_at = time.monotonic() + duration_s

    def next_body() -> bytes | None:
        with lock:
            if state["n"] >= max_requests:
                return None
            state["n"] += 1
            if state["n"] % 10 < hit_tenths:
                state["hi"] += 1
                return body_of(hit_claims[state["hi"] % len(hit_claims)])
            state["mi"] += 1
            return body_of(miss_claims[state["mi"] % len(miss_claims)])

    def worker():
        c = Client(server.base, timeout=30)
        while time.monotonic() < stop_at:
            body = next_body()
            if body is None:
                break
            try:
                status, data, secs = c.post("/verify", body)
            except TimeoutError:
                with lock:
                    errors["timeout"] += 1
                c.close()
                continue
            except OSError:
                with lock:
                    errors["socket"] += 1
                c.close()
                continue
            with lock:
                lat.append(secs)
                if 200 <= status < 300:
                    answered["cached_hits" if b'"cached":true' in data else "misses"] += 1
                else:
                    errors["non_2xx"] += 1
        c.close()

    cpu0, srv0, t0 = time.process_time(), server.cpu_seconds(), time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    s = summary_ms(lat)
    return {
        "tool": f"python threads x{connections} (http.client keep-alive)", "duration_s": round(wall, 2),
        "requests": len(lat), "rps": round(len(lat) / wall, 1),
        "latency": {k: s.get(k) for k in ("p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms", "mean_ms")},
        "errors": {**errors, "total": sum(errors.values())}, "answered": answered,
        "cpu": {"server_cores": round((server.cpu_seconds() - srv0) / wall, 2),
                "loadgen_cores": round((time.process_time() - cpu0) / wall, 3)},
    }


def run_load(server: Server, miss_claims: list[str], hit_claims: list[str], hit_tenths: int, duration_s: float,
             connections: int, tool: str = "auto") -> dict:
    if tool == "wrk" or (tool == "auto" and shutil.which("wrk")):
        return run_wrk(server, miss_claims, hit_claims, hit_tenths, duration_s, connections)
    return run_python(server, miss_claims, hit_claims, hit_tenths, duration_s, connections)
