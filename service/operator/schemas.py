from __future__ import annotations

import marshmallow as ma


class ReindexRequestSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    force = ma.fields.Boolean(load_default=False, metadata={
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
