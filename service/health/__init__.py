"""GET /health (liveness) and GET /ready (readiness)."""
from service.health.resources import blp  # noqa: F401
