"""claimverify's HTTP service: an app factory in the cookiecutter-flask shape."""

from __future__ import annotations

from flask import Flask

from service.errors import register_errorhandlers
from service.extensions import register_extensions, register_request_guards
from service.limits import register_rate_limits
from service.operator import register_operator_auth
from service.runtime import Engine
from service.settings import Settings

API_VERSION = "1.0.0"


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config.update(settings_to_config(settings))
    api = register_extensions(app, settings, engine or Engine(settings))
    register_blueprints(api)
    register_rate_limits(app, settings)  # before the guards: a refused client's body is never read
    register_operator_auth(app)          # and no body reaches an operator endpoint before its key is checked
    register_request_guards(app)
    register_errorhandlers(app)
    return app


def settings_to_config(settings: Settings) -> dict:
    return {
        "API_TITLE": "claimverify", "API_VERSION": API_VERSION, "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/", "OPENAPI_JSON_PATH": "openapi.json",
        "MAX_CONTENT_LENGTH": settings.max_body_bytes, "CLAIMVERIFY_SETTINGS": settings,
        "API_SPEC_OPTIONS": {"info": {"description": (
            "Checks a claim against a corpus of articles: the passages that support or conflict with "
            "it, each with its source, exact offsets and figures, plus a verdict. Errors are "
            "RFC 9457 application/problem+json.")}},
    }


def register_blueprints(api) -> None:
    from service import health, operator, sources, verify

    for module in (verify, sources, health, operator):
        api.register_blueprint(module.blp)
    api.spec.components.security_scheme("operatorKey", {"type": "http", "scheme": "bearer",
                                                        "description": "the operator API key"})
