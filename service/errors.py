"""Every error is RFC 9457 `application/problem+json`: type, title, status, detail, instance.

Validation problems add `errors`, the field-by-field messages from the schema. The OpenAPI
document says the same: `ProblemApi` registers the problem schema, under that media type, as
every error response flask-smorest documents.
"""

from __future__ import annotations

import http
import logging

import marshmallow as ma
from flask import Flask, Response, current_app, json, request
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "/problems/"  # relative type URIs (RFC 9457 3.1.1), listed in the README

# Problem types a client can branch on; anything else is "about:blank" with the HTTP title.
PROBLEM_TYPES = {
    400: "malformed-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed", 413: "payload-too-large",
    415: "unsupported-media-type", 422: "validation-error", 429: "rate-limited", 503: "not-ready",
    500: "internal-error",
}


class ProblemSchema(ma.Schema):
    type = ma.fields.String(metadata={"description": "URI naming the kind of problem"})
    title = ma.fields.String(metadata={"description": "Short summary of the kind of problem"})
    status = ma.fields.Integer(metadata={"description": "HTTP status code"})
    detail = ma.fields.String(metadata={"description": "What went wrong with this request"})
    instance = ma.fields.String(metadata={"description": "The request path"})
    errors = ma.fields.Dict(metadata={"description": "Validation messages by location and field"})


def problem(status: int, detail: str, errors: dict | None = None, headers: dict | None = None, **extra) -> Response:
    slug = PROBLEM_TYPES.get(status)
    body = {
        "type": PROBLEM_BASE + slug if slug else "about:blank",
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
        **extra,
    }
    if errors:
        body["errors"] = errors
    resp = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def _describe_validation(messages: dict) -> str:
    parts = []
    for location, fields in messages.items():
        if isinstance(fields, dict):
            for field, msgs in fields.items():
                text = "; ".join(msgs) if isinstance(msgs, list) and all(isinstance(m, str) for m in msgs) else json.dumps(msgs)
                parts.append(f"{field}: {text}" if field != "_schema" else text)
        else:
            parts.append(str(fields))
    return "invalid request: " + " | ".join(parts) if parts else "invalid request"


class ProblemApi(Api):
    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
                prepare_response(response, self.spec, PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def handle_http_exception(self, error: HTTPException):
        data = getattr(error, "data", None) or {}
        messages = data.get("errors") or data.get("messages")
        detail = data.get("message") or error.description or error.name
        if error.code == 400 and messages == {"json": ["Invalid JSON body."]}:
            detail = "the request body is not valid JSON"
        elif messages and error.code in (400, 422):
            if "json" in messages and isinstance(messages["json"], dict) and "_schema" in messages["json"] \
                    and any("Invalid input type" in m for m in messages["json"]["_schema"]):
                detail = "the request body must be a JSON object"
            else:
                detail = _describe_validation(messages)
        if error.code == 413:
            limit = current_app.config.get("MAX_CONTENT_LENGTH")
            detail = f"the request body is larger than the {limit}-byte limit" if limit else detail
        if error.code == 429:
            detail = f"too many requests: this client may send {detail}; retry after Retry-After seconds"
        headers = dict(data.get("headers") or {})
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            headers["Allow"] = ", ".join(error.valid_methods)
        return problem(error.code or 500, detail, errors=messages if isinstance(messages, dict) else None,
                       headers=headers)


def register_errorhandlers(app: Flask) -> None:
    def unhandled(e: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return problem(500, "an internal error occurred; no verdict was produced")

    app.register_error_handler(InternalServerError, lambda e: unhandled(getattr(e, "original_exception", e)))
    app.register_error_handler(Exception, unhandled)
