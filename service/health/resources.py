from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint

from service.errors import problem
from service.health.schemas import HealthSchema, ReadySchema

blp = Blueprint("health", __name__, description="Probes")


@blp.route("/health", methods=["GET"])
@blp.response(200, HealthSchema)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def health():
    """Liveness: the process answers and has not failed to start (a failed warm-up is 503, so
    an orchestrator restarts the process instead of routing to it forever)"""
    engine = current_app.extensions["claimverify"]
    if not engine.alive:
        return problem(503, "the warm-up failed; restart the process (GET /ready tells why)")
    return {"status": "ok"}


@blp.route("/ready", methods=["GET"])
@blp.response(200, ReadySchema)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def ready():
    """Readiness: model and index loaded; the cache's state is reported (a degraded cache
    does not make the service unready: it answers uncached)"""
    engine = current_app.extensions["claimverify"]
    report = engine.readiness()
    if not engine.ready:
        return problem(503, report["error"] or f"the service is {report['status']}", headers={"Retry-After": "5"},
                       checks=report)
    return report
