"""The service under gunicorn, started the way tests/test_server.py and `make run` start it
(service/gunicorn_conf.py, loopback, a free port), and a small keep-alive HTTP client."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from bench.common import ROOT, children, cpu_seconds, pss_bytes, rss_bytes

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 5) -> tuple[int | None, dict | None]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read())
        except ValueError:
            return e.code, None
    except (urllib.error.URLError, ConnectionError, OSError, ValueError):
        return None, None


class Server:
    """One gunicorn master with `workers` x `threads`, Redis cache on a prefix of its own."""

    def __init__(self, workers: int, threads: int, index_dir: Path, log_dir: Path, redis_url: str | None,
                 extra_env: dict | None = None, label: str = ""):
        self.workers, self.threads = workers, threads
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.prefix = f"claimverify-bench:{uuid.uuid4().hex[:12]}:"
        self.redis_url = redis_url
        self.label = label or f"{workers}x{threads}"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"gunicorn-{self.label}-{time.strftime('%H%M%S')}-{self.port}.log"
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("CLAIMVERIFY_") and k not in ("REDIS_URL", "WEB_CONCURRENCY")}
        env.update({"CLAIMVERIFY_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": str(workers),
                    "CLAIMVERIFY_THREADS": str(threads), "CLAIMVERIFY_INDEX_DIR": str(index_dir),
                    "CLAIMVERIFY_CACHE_PREFIX": self.prefix, "CLAIMVERIFY_CACHE_TTL_SECONDS": "3600",
                    "PYTHONPATH": str(ROOT)})
        # Settings the service reads that the caller set for the bench (e.g. the encoder's) pass through.
        for k, v in os.environ.items():
            if k.startswith("CLAIMVERIFY_") and k not in env and k not in ("CLAIMVERIFY_BIND", "CLAIMVERIFY_INDEX_DIR"):
                env[k] = v
        if redis_url:
            env["REDIS_URL"] = redis_url
        env.update(extra_env or {})
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.started_at: float | None = None
        self.timings: dict = {}

    # -- life cycle ---------------------------------------------------------------------
    def start(self, timeout: float = 240, all_workers_grace: float = 60) -> dict:
        """Start and wait for /ready. Returns seconds from spawn to the first 200 from /ready and
        to the moment every worker had answered 200 (told apart by their own warm_up_seconds;
        None if not every worker was seen within the grace period)."""
        self._log = open(self.log_path, "w")
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen([str(GUNICORN), "-c", "service/gunicorn_conf.py", "service.wsgi:app"], cwd=ROOT,
                                     env=self.env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        first = None
        seen: set = set()
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {self.log_path}")
            elapsed = time.perf_counter() - self.started_at
            status, body = _get(self.base + "/ready", timeout=5)
            if status == 200 and body:
                if first is None:
                    first = time.perf_counter() - self.started_at
                seen.add(body.get("warm_up_seconds"))
                if len(seen) >= self.workers:
                    all_ready = time.perf_counter() - self.started_at
                    break
                if elapsed - first > all_workers_grace:
                    all_ready = None
                    break
                time.sleep(0.02)
                continue
            if status == 503 and body and (body.get("checks") or {}).get("status") == "failed":
                raise RuntimeError(f"warm-up failed: {body.get('detail')}; see {self.log_path}")
            if elapsed > timeout:
                raise RuntimeError(f"not ready within {timeout}s; see {self.log_path}")
            time.sleep(0.05)
        self.timings = {"start_to_first_ready_s": round(first, 3),
                        "start_to_all_workers_ready_s": None if all_ready is None else round(all_ready, 3),
                        "worker_warm_up_s": sorted(x for x in seen if x is not None)}
        return self.timings

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # our own process group: gunicorn and its workers
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        if getattr(self, "_log", None):
            self._log.close()
        self.drop_cache_keys()

    def drop_cache_keys(self) -> int:
        """Delete this server's keys from Redis: its cache entries and any other key built on its
        prefix (the rate limiter's counters); the prefix is its own."""
        if not self.redis_url:
            return 0
        import redis

        client = redis.Redis.from_url(self.redis_url)
        n = 0
        batch = []
        for key in client.scan_iter(match="*" + self.prefix.rstrip(":") + "*", count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                n += client.delete(*batch)
                batch = []
        if batch:
            n += client.delete(*batch)
        return n

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- observation ----------------------------------------------------------------------
    def worker_pids(self) -> list[int]:
        return children(self.proc.pid) if self.proc else []

    def memory(self) -> dict:
        workers = [{"pid": p, "rss_mib": _mib(rss_bytes(p)), "pss_mib": _mib(pss_bytes(p))} for p in self.worker_pids()]
        return {"master_rss_mib": _mib(rss_bytes(self.proc.pid)), "workers": workers,
                "worker_rss_mib_max": max((w["rss_mib"] or 0 for w in workers), default=None),
                "total_rss_mib": round(sum(w["rss_mib"] or 0 for w in workers) + (_mib(rss_bytes(self.proc.pid)) or 0), 1)}

    def cpu_seconds(self) -> float:
        """CPU seconds used so far by the master and its current workers."""
        pids = [self.proc.pid] + self.worker_pids()
        return sum(cpu_seconds(p) or 0.0 for p in pids)


def _mib(b: int | None) -> float | None:
    return None if b is None else round(b / 2 ** 20, 1)


class Client:
    """One keep-alive HTTP/1.1 connection, as a browser extension or a script would hold."""

    def __init__(self, base: str, timeout: float = 120):
        host, port = base.removeprefix("http://").split(":")
        self.host, self.port, self.timeout = host, int(port), timeout
        self.conn: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.conn

    def post(self, path: str, body: bytes) -> tuple[int, bytes, float]:
        """(status, body, seconds from sending to the last byte read); one reconnect on a
        connection the server closed while idle."""
        for attempt in (0, 1):
            conn = self._connect()
            t0 = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
                r = conn.getresponse()
                data = r.read()
                return r.status, data, time.perf_counter() - t0
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def get(self, path: str) -> tuple[int, bytes, float]:
        conn = self._connect()
        t0 = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        data = r.read()
        return r.status, data, time.perf_counter() - t0

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def body_of(claim: str | list[str], top_k: int = 5) -> bytes:
    key = "claims" if isinstance(claim, list) else "claim"
    return json.dumps({key: claim, "top_k": top_k}, ensure_ascii=False).encode("utf-8")
