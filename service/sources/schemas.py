from __future__ import annotations

import marshmallow as ma


class SourceSchema(ma.Schema):
    id = ma.fields.String()
    title = ma.fields.String()
    url = ma.fields.String(allow_none=True)
    outlet = ma.fields.String(allow_none=True)
    published = ma.fields.String(allow_none=True)
    file = ma.fields.String(metadata={"description": "File name within the corpus folder"})
    sha256 = ma.fields.String(metadata={"description": "sha256 of the article text as indexed"})
    passages = ma.fields.Integer(metadata={"description": "Number of indexed passages"})


class SourceListSchema(ma.Schema):
    index_version = ma.fields.String()
    sources = ma.fields.List(ma.fields.Nested(SourceSchema))
