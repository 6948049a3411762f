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


def limiter_storage_uri(redis_url: str | None) -> str:
    """The `limits` package names Redis over a socket redis+unix://, not unix://."""
    if not redis_url:
        return "memory://"
    return "redis+unix://" + redis_url[len("unix://"):] if redis_url.startswith("unix://") else redis_url


def register_rate_limits(app: Flask, settings: Settings) -> Limiter | None:
    if settings.proxy_hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.proxy_hops)
    if settings.rate_limit is None:
        return None
    limiter = Limiter(
        client_address,
        app=app,
        default_limits=[settings.rate_limit],
        storage_uri=limiter_storage_uri(settings.redis_url),
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
        limits = limiter.current_limits
        if not limits:
            return response
        # The draft: Limit/Remaining/Reset of the limit closest to running out (a breached one
        # first), and every policy in RateLimit-Policy.
        policies = ", ".join(f"{rl.limit.amount};w={rl.limit.get_expiry()}" for rl in limits)
        try:  # reads the counters' storage, which may have just failed: headers are not worth a 500
            states = [(rl.breached, max(0, rl.remaining), max(0, math.ceil(rl.reset_at - time.time())), rl)
                      for rl in limits]
            breached, remaining, reset, nearest = min(states, key=lambda s: (not s[0], s[1]))
        except Exception as e:  # noqa: BLE001 - any storage error (redis, connection, timeout)
            log.warning("rate-limit headers left out, the counter's storage failed: %s", type(e).__name__)
            nearest, remaining = next((rl for rl in limits if rl.breached), limits[0]), None
            reset = nearest.limit.get_expiry()
        response.headers["RateLimit-Limit"] = str(nearest.limit.amount)
        response.headers["RateLimit-Policy"] = policies
        if remaining is not None:
            response.headers["RateLimit-Remaining"] = str(remaining)
            response.headers["RateLimit-Reset"] = str(reset)
        if response.status_code == 429:
            response.headers["Retry-After"] = str(max(1, reset))
        return response

    return limiter
