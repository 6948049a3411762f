"""Rate limits per client (Flask-Limiter), counted in Redis when `REDIS_URL` is set so that all
workers share one count, in process otherwise.

A refused request is a 429 problem with `Retry-After`; every limited response carries the
IETF draft headers `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and
`RateLimit-Policy`. Probes (`/health`, `/ready`) and the API document are not limited. If
Redis fails, counting falls back to the process instead of failing requests.
"""

from __future__ import annotations

import logging
import math
import time

from flask import Flask, request
from flask_limiter import Limiter
from werkzeug.middleware.proxy_fix import ProxyFix

from service.settings import Settings

log = logging.getLogger(__name__)
UNLIMITED_PATHS = ("/health", "/ready", "/openapi.json")


def client_address() -> str:
    # With CLAIMVERIFY_PROXY_HOPS set, ProxyFix has already put the client's address here.
    return request.remote_addr or "unknown"


def register_rate_limits(app: Flask, settings: Settings) -> Limiter | None:
    if settings.proxy_hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.proxy_hops)
    if settings.rate_limit is None:
        return None
    limiter = Limiter(
        client_address,
        app=app,
        default_limits=[settings.rate_limit],
        storage_uri=settings.redis_url or "memory://",
        storage_options={"socket_timeout": 0.25, "socket_connect_timeout": 0.25} if settings.redis_url else {},
        strategy="moving-window",
        headers_enabled=False,  # the draft-standard headers are written below
        swallow_errors=True,
        in_memory_fallback_enabled=True,
        key_prefix=settings.cache_prefix.rstrip(":") + "-ratelimit",  # outside the cache's prefix: a flush keeps it
    )
    limiter.request_filter(lambda: request.path in UNLIMITED_PATHS or request.method == "OPTIONS")

    @app.after_request
    def rate_limit_headers(response):
        current = limiter.current_limit
        if current is None:
            return response
        window = current.limit.get_expiry()
        try:  # reads the counter's storage, which may have just failed: headers are not worth a 500
            reset, remaining = max(0, math.ceil(current.reset_at - time.time())), max(0, current.remaining)
        except Exception as e:  # noqa: BLE001 - any storage error (redis, connection, timeout)
            log.warning("rate-limit headers left out, the counter's storage failed: %s", type(e).__name__)
            reset, remaining = window, None
        response.headers["RateLimit-Limit"] = str(current.limit.amount)
        response.headers["RateLimit-Policy"] = f"{current.limit.amount};w={window}"
        if remaining is not None:
            response.headers["RateLimit-Remaining"] = str(remaining)
            response.headers["RateLimit-Reset"] = str(reset)
        if response.status_code == 429:
            response.headers["Retry-After"] = str(max(1, reset))
        return response

    return limiter
