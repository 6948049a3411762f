from __future__ import annotations

import marshmallow as ma


class HealthSchema(ma.Schema):
    status = ma.fields.String(metadata={"description": "Always 'ok' while the process answers"})


class ReadySchema(ma.Schema):
    status = ma.fields.String(metadata={"description": "ready, starting, loading or failed"})
    error = ma.fields.String(allow_none=True)
    model = ma.fields.Dict()
    index = ma.fields.Dict()
    stance_model = ma.fields.String(allow_none=True)
    cache = ma.fields.Dict(metadata={"description": "backend (redis or memory) and status (ok or degraded)"})
    warm_up_seconds = ma.fields.Float(allow_none=True)
