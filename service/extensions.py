"""The app's extensions: the OpenAPI/validation layer, CORS, the engine; and the request
guards that run before any body is parsed."""

from __future__ import annotations

import json
import logging

from flask import Flask, request
from flask_cors import CORS

from service.errors import ProblemApi, problem
from service.runtime import Engine, NotReady
from service.settings import Settings

log = logging.getLogger("claimverify")


def register_extensions(app: Flask, settings: Settings, engine: Engine) -> ProblemApi:
    api = ProblemApi(app)
    # Browser extensions call from chrome-extension://<id> origins: allow only configured ones.
    CORS(app, origins=list(settings.cors_origins), methods=["GET", "POST", "OPTIONS"],
         allow_headers=["Content-Type"], max_age=600,
         expose_headers=["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"])
    app.extensions["claimverify"] = engine
    if settings.warm_up_in_background:
        engine.start_warm_up()
    else:
        engine.warm_up()
    return api


class _AmbiguousJson(ValueError):
    pass


def _no_duplicate_keys(pairs: list) -> dict:
    """Two values for one key: which one counts differs between parsers, so neither is taken."""
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise _AmbiguousJson(f"the key {key!r} appears twice in one object")
        seen.add(key)
    return dict(pairs)


def _no_constant(name: str):
    raise _AmbiguousJson(f"{name} is not JSON")


def register_request_guards(app: Flask) -> None:
    @app.before_request
    def require_json_body():
        # No route or method for this request: its 404/405 comes first, whatever the body is.
        if request.method == "POST" and request.routing_exception is None:
            mimetype = request.mimetype or ""
            if mimetype != "application/json":
                return problem(415, f"send the body as application/json, not {mimetype or 'no Content-Type'}")
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                return problem(415, f"send the body in UTF-8, not {charset}")
            body = request.get_data(cache=True)  # bounded by MAX_CONTENT_LENGTH (413 past it)
            if not body:
                return problem(400, "the request body is empty; send a JSON object")
            try:  # parsed here so that no body, however malformed, reaches a parser that could fail with a 500
                json.loads(body, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
            except RecursionError:
                return problem(400, "the request body is nested too deeply")
            except _AmbiguousJson as e:
                return problem(400, f"the request body is not valid JSON: {e}")
            except (ValueError, UnicodeDecodeError) as e:
                return problem(400, f"the request body is not valid JSON ({type(e).__name__}: {str(e)[:120]})")
        return None

    app.register_error_handler(
        NotReady, lambda e: problem(503, str(e), headers={"Retry-After": "5"}))
