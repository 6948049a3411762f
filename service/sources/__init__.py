"""GET /sources and GET /sources/<id>: what the corpus holds."""
from service.sources.resources import blp  # noqa: F401
