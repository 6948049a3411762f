"""Operator endpoints, behind an API key: rebuild the index, flush the cache."""
from service.operator.resources import blp, register_operator_auth  # noqa: F401
