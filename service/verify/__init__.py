"""POST /verify and POST /verify/batch: where a claim enters the service."""
from service.verify.resources import blp  # noqa: F401
