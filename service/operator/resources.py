from __future__ import annotations

import hashlib
import hmac
import logging

from flask import current_app, request
from flask_smorest import Blueprint, abort

from index.corpus import CorpusError
from index.store import IndexLoadError
from service.cache import CacheUnavailable
from service.operator.schemas import CacheFlushResultSchema, ReindexRequestSchema, ReindexResultSchema

log = logging.getLogger("claimverify.operator")
blp = Blueprint("operator", __name__, url_prefix="/operator",
                description="Operator endpoints. Send the operator key as `Authorization: Bearer <key>`; "
                            "the service stores only its sha256 (CLAIMVERIFY_OPERATOR_KEY_SHA256).")
SECURITY = [{"operatorKey": []}]


def key_matches(presented: str, stored_sha256: str) -> bool:
    """Compare hashes, in constant time: neither the key nor how much of it matched leaks."""
    digest = hashlib.sha256(presented.encode("utf-8", "surrogatepass")).hexdigest()
    return hmac.compare_digest(digest, stored_sha256)


def register_operator_auth(app) -> None:
    """The key is checked before anything else reads the request (the JSON guard included):
    without it a client learns nothing from these paths but 401 or 403."""

    @app.before_request
    def operator_key_first():
        if request.blueprint == blp.name:
            require_operator_key()


def require_operator_key():
    stored = current_app.config["CLAIMVERIFY_SETTINGS"].operator_key_sha256
    if stored is None:
        abort(403, message="operator endpoints are disabled: set CLAIMVERIFY_OPERATOR_KEY_SHA256 to enable them")
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not presented.strip() or not key_matches(presented.strip(), stored):
        log.warning("operator request refused on %s from %s", request.path, request.remote_addr)
        abort(401, message="send the operator key as 'Authorization: Bearer <key>'",
              headers={"WWW-Authenticate": 'Bearer realm="claimverify-operator"'})


def _engine():
    return current_app.extensions["claimverify"]


@blp.route("/reindex", methods=["POST"])
@blp.arguments(ReindexRequestSchema)
@blp.response(200, ReindexResultSchema)
@blp.alt_response(401, response="UNAUTHORIZED")
@blp.alt_response(403, response="FORBIDDEN")
@blp.alt_response(500, response="INTERNAL_SERVER_ERROR")
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
@blp.doc(security=SECURITY)
def reindex(args):
    """Rebuild the index of the configured corpus and serve it

    Requests under way finish on the index they started with; every worker swaps to the new
    index at its next request. A no-op (built: false) when nothing changed, unless `force`.
    """
    try:
        result = _engine().reindex(force=args["force"])
    except (CorpusError, IndexLoadError, ValueError) as e:
        log.error("reindex failed: %s", e)
        abort(500, message=f"the index was not rebuilt; the previous one is still served: {e}")
    log.info("reindex: %s -> %s (built: %s)", result["previous_index_version"], result["index_version"],
             result["built"])
    return result


@blp.route("/cache", methods=["DELETE"])
@blp.response(200, CacheFlushResultSchema)
@blp.alt_response(401, response="UNAUTHORIZED")
@blp.alt_response(403, response="FORBIDDEN")
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
@blp.doc(security=SECURITY)
def flush_cache():
    """Remove every cached answer (this service's key prefix)"""
    engine = _engine()
    try:
        removed = engine.flush_cache()
    except CacheUnavailable as e:
        abort(503, message=str(e), headers={"Retry-After": "5"})
    log.info("cache flushed: %d answers removed", removed)
    return {"removed": removed, "backend": engine.cache.backend}
