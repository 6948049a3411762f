from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint, abort

from service.sources.schemas import SourceListSchema, SourceSchema

blp = Blueprint("sources", __name__, url_prefix="/sources", description="The articles in the corpus")


def _store():
    return current_app.extensions["claimverify"].require_verifier().store


@blp.route("", methods=["GET"])
@blp.response(200, SourceListSchema)
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def list_sources():
    """List the sources with their metadata and passage counts"""
    store = _store()
    return {"index_version": store.version, "sources": [store.sources[k] for k in sorted(store.sources)]}


@blp.route("/<string:source_id>", methods=["GET"])
@blp.response(200, SourceSchema)
@blp.alt_response(404, response="NOT_FOUND")
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def get_source(source_id: str):
    """One source: metadata and passage count"""
    source = _store().sources.get(source_id)
    if source is None:
        abort(404, message=f"no source with id {source_id!r} (GET /sources lists them)")
    return source
