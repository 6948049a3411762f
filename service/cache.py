"""Where verified results are cached: Redis when REDIS_URL is set, else in process.

The key hashes the normalised claim, the parameters and the index version, so a rebuilt index
never serves an answer computed on the old one. A cache never fails a request: if Redis stops
answering, lookups miss, stores are skipped, `status()` says "degraded", and after
`retry_seconds` the next call tries Redis again, so caching resumes by itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from typing import Protocol, Sequence


log = logging.getLogger(__name__)
KEY_PREFIX = "claimverify:v1:"


def cache_key(claim: str, top_k: int, sources: Sequence[str] | None, answer_version: str,
              prefix: str = KEY_PREFIX) -> str:
    """The exact (trimmed) claim: offsets in the answer point into it, and case matters to
    name matching, so two spellings of a claim are two answers. `answer_version` covers the
    index, the stance scorer and the code that decides."""
    payload = json.dumps([claim, top_k, sorted(set(sources or [])), answer_version], ensure_ascii=True)
    return prefix + hashlib.sha256(payload.encode("ascii")).hexdigest()


class CacheUnavailable(RuntimeError):
    """The cache backend cannot be reached for an operation that must not pass silently (a flush)."""


def _glob_escape(prefix: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in prefix)


class ResultCache(Protocol):
    backend: str

    def clear(self, prefix: str) -> int: ...

    def get_many(self, keys: Sequence[str]) -> list[dict | None]: ...

    def set_many(self, items: dict[str, dict]) -> None: ...

    def status(self) -> dict: ...


class MemoryCache:
    """LRU with a TTL, bounded in entries and in bytes, shared by the threads of one process.

    Answers are kept as compact JSON, as Redis keeps them: a few KB each where the dicts took
    several times that, so the byte bound is what the process really holds, and no request
    can change another's cached answer."""

    backend = "memory"

    def __init__(self, max_entries: int, ttl_seconds: int, max_bytes: int = 64 << 20):
        self.max_entries, self.ttl, self.max_bytes = max_entries, ttl_seconds, max_bytes
        self._data: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def _drop(self, key: str) -> None:
        _, raw = self._data.pop(key)
        self._bytes -= len(raw)

    def get_many(self, keys):
        now = time.monotonic()
        raws = []
        with self._lock:
            for k in keys:
                hit = self._data.get(k)
                if hit and hit[0] > now:
                    self._data.move_to_end(k)
                    raws.append(hit[1])
                else:
                    if hit:
                        self._drop(k)
                    raws.append(None)
        return [_decode(r) for r in raws]

    def set_many(self, items):
        if self.max_entries == 0 or self.max_bytes == 0:
            return
        expires = time.monotonic() + self.ttl
        encoded = {k: json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode() for k, v in items.items()}
        with self._lock:
            for k, raw in encoded.items():
                if k in self._data:
                    self._drop(k)
                if len(raw) > self.max_bytes:
                    continue
                self._data[k] = (expires, raw)
                self._bytes += len(raw)
            while len(self._data) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._data)))

    def clear(self, prefix):
        with self._lock:
            doomed = [k for k in self._data if k.startswith(prefix)]
            for k in doomed:
                self._drop(k)
        return len(doomed)

    def status(self):
        return {"backend": self.backend, "status": "ok", "entries": len(self._data), "bytes": self._bytes}


def _decode(raw: bytes | None) -> dict | None:
    """A stored answer, or None (a miss) for anything that is not one: a cache must never fail a request."""
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) and "verdict" in value else None


class RedisCache:
    backend = "redis"

    def __init__(self, url: str, ttl_seconds: int, retry_seconds: int = 5, timeout_seconds: float = 0.25):
        import redis

        self._redis_errors = (redis.RedisError, OSError)
        self.client = redis.Redis.from_url(url, socket_timeout=timeout_seconds, socket_connect_timeout=timeout_seconds)
        self.ttl, self.retry_seconds = ttl_seconds, retry_seconds
        self._down_until = 0.0
        self._last_error: str | None = None

    def _available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, e: Exception) -> None:
        if self._last_error is None:
            log.warning("redis unavailable, answering uncached: %s", e)
        self._last_error = f"{type(e).__name__}: {e}"
        self._down_until = time.monotonic() + self.retry_seconds

    def _ok(self) -> None:
        if self._last_error is not None:
            log.warning("redis reachable again, caching resumed")
        self._last_error = None

    def get_many(self, keys):
        if not keys or not self._available():
            return [None] * len(keys)
        try:
            raw = self.client.mget(list(keys))
        except self._redis_errors as e:
            self._failed(e)
            return [None] * len(keys)
        self._ok()
        return [_decode(r) for r in raw]

    def set_many(self, items):
        if not items or not self._available():
            return
        try:
            pipe = self.client.pipeline(transaction=False)
            for k, v in items.items():
                pipe.set(k, json.dumps(v, ensure_ascii=False, separators=(",", ":")), ex=self.ttl)
            pipe.execute()
        except self._redis_errors as e:
            self._failed(e)
            return
        self._ok()

    def clear(self, prefix):
        """UNLINK every key under `prefix`, found with SCAN (never KEYS, which blocks Redis)."""
        removed = 0
        try:
            batch = []
            for key in self.client.scan_iter(match=_glob_escape(prefix) + "*", count=1000):
                batch.append(key)
                if len(batch) == 1000:
                    removed += self.client.unlink(*batch)
                    batch = []
            if batch:
                removed += self.client.unlink(*batch)
        except self._redis_errors as e:
            self._failed(e)
            raise CacheUnavailable(f"the cache (Redis) cannot be reached: {type(e).__name__}") from e
        self._ok()
        return removed

    def status(self):
        """Pings Redis (unless inside a back-off after a failure) so /ready tells the truth."""
        if self._available():
            try:
                self.client.ping()
                self._ok()
            except self._redis_errors as e:
                self._failed(e)
        if self._last_error:
            return {"backend": self.backend, "status": "degraded", "detail": self._last_error}
        return {"backend": self.backend, "status": "ok"}
