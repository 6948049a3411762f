from __future__ import annotations

import marshmallow as ma


class StrictBoolean(ma.fields.Boolean):
    """JSON true or false and nothing else: not "yes", not 1 (a loose "force" would rebuild)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class ReindexRequestSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    force = StrictBoolean(load_default=False, metadata={
        "description": "Rebuild even when an index of the same corpus, model and pipeline exists"})


class ReindexResultSchema(ma.Schema):
    index_version = ma.fields.String(metadata={"description": "The index now served"})
    previous_index_version = ma.fields.String()
    passages = ma.fields.Integer()
    built = ma.fields.Boolean(metadata={"description": "False when the corpus had not changed (nothing rebuilt)"})
    seconds = ma.fields.Float()


class CacheFlushResultSchema(ma.Schema):
    removed = ma.fields.Integer(metadata={"description": "Cached answers removed"})
    backend = ma.fields.String(metadata={"description": "redis or memory (memory: this worker's cache only)"})
