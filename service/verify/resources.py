"""Where a claim enters: validate, check readiness and sources, then Engine.verify (cache, then
the one verification path in models.verifier)."""

from __future__ import annotations

from flask import Response, current_app, jsonify
from flask_smorest import Blueprint, abort

from service.runtime import Engine
from service.verify.schemas import (VerifyBatchRequestSchema, VerifyBatchResponseSchema, VerifyRequestSchema,
                                    VerifyResponseSchema)

blp = Blueprint("verify", __name__, url_prefix="/verify",
                description="Check claims against the corpus: evidence passages with stance, figures and a verdict")


def engine() -> Engine:
    return current_app.extensions["claimverify"]


def _answer(payload: dict) -> Response:
    """The answer as JSON, as built. The verifier builds it in the documented shape (the
    response schemas below document it, and tests check that the schema's dump of a real
    answer is the answer itself), so it is not dumped through marshmallow again: that took
    0.6 ms a claim, 5% of a batch and a tenth of a cache hit."""
    return jsonify(payload)


def _verifier_for(sources: list[str] | None):
    """The verifier this request uses from start to end, its sources checked against its index."""
    verifier = engine().require_verifier()
    if sources:
        _check_sources(sources, verifier.store.sources)
    return verifier


def _check_sources(sources: list[str], known) -> None:
    unknown = [s for s in dict.fromkeys(sources) if s not in known]
    if unknown:
        abort(422, message=f"unknown source ids: {', '.join(unknown)} (GET /sources lists them)",
              errors={"json": {"sources": [f"unknown source id: {s}" for s in unknown]}})


@blp.route("", methods=["POST"])
@blp.arguments(VerifyRequestSchema, error_status_code=422)
@blp.response(200, VerifyResponseSchema)
@blp.alt_response(400, response="BAD_REQUEST")
@blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
@blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def verify(args):
    """Verify one claim

    Returns the passages that support or conflict with the claim, each with its source, its
    exact place in the source, the figures it states and the reasons for its stance, plus an
    overall verdict. NOT_ENOUGH_INFO when nothing relevant is found.
    """
    verifier = _verifier_for(args.get("sources"))
    return _answer(engine().verify([args["claim"]], args["top_k"], args.get("sources"), verifier)[0])


@blp.route("/batch", methods=["POST"])
@blp.arguments(VerifyBatchRequestSchema, error_status_code=422)
@blp.response(200, VerifyBatchResponseSchema)
@blp.alt_response(400, response="BAD_REQUEST")
@blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
@blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def verify_batch(args):
    """Verify a list of claims

    One result per claim, in order. Claims not in the cache are encoded together in one batch.
    """
    limit = engine().settings.max_batch_claims
    if len(args["claims"]) > limit:
        abort(422, message=f"at most {limit} claims per batch, got {len(args['claims'])}",
              errors={"json": {"claims": [f"Longer than maximum length {limit}."]}})
    verifier = _verifier_for(args.get("sources"))
    return _answer({"results": engine().verify(args["claims"], args["top_k"], args.get("sources"), verifier)})
