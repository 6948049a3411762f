"""Request and response schemas of POST /verify and POST /verify/batch. The same classes
validate requests, serialise responses and write the OpenAPI document."""

from __future__ import annotations

import re

import marshmallow as ma

from models.stance import NEUTRAL, REFUTES, SUPPORTS
from models.verdict import VERDICTS

MAX_CLAIM_CHARS = 1000
MAX_TOP_K = 50


class StrictInteger(ma.fields.Integer):
    """An integer and nothing else: not "5", not 5.0, not true."""

    def _validated(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.make_error("invalid")
        return super()._validated(value)


def _encodable(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ma.ValidationError("Not valid Unicode (it holds a lone surrogate).") from None


# C0 and C1 control characters other than tab and line breaks: never part of a claim a person
# wrote, often a sign of a binary or terminal-escape payload.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _readable(value: str) -> None:
    bad = _CONTROL.search(value)
    if bad:
        raise ma.ValidationError(f"Holds a control character (U+{ord(bad.group()):04X}).")
    if value and not any(ch.isalnum() for ch in value):  # an empty claim is the length rule's to report
        raise ma.ValidationError("Holds no letter or digit: nothing to verify.")


def _claim_field(**kw) -> ma.fields.String:
    return ma.fields.String(validate=[ma.validate.Length(min=1, max=MAX_CLAIM_CHARS), _encodable, _readable], **kw)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class _Options(ma.Schema):
    top_k = StrictInteger(load_default=5, validate=ma.validate.Range(min=1, max=MAX_TOP_K),
                          metadata={"description": "How many evidence passages to return at most"})
    sources = ma.fields.List(ma.fields.String(validate=[ma.validate.Length(min=1, max=128), _encodable]),
                             validate=ma.validate.Length(min=1, max=1000),
                             metadata={"description": "Only search these source ids (GET /sources lists them)"})


class VerifyRequestSchema(_Options):
    claim = _claim_field(required=True, metadata={"description": f"The claim, 1..{MAX_CLAIM_CHARS} characters after trimming"})

    @ma.pre_load
    def trim(self, data, **kwargs):
        if isinstance(data, dict) and "claim" in data:
            data = {**data, "claim": _strip(data["claim"])}
        return data


class VerifyBatchRequestSchema(_Options):
    claims = ma.fields.List(_claim_field(), required=True, validate=ma.validate.Length(min=1),
                            metadata={"description": "Claims to verify, in order (at most CLAIMVERIFY_MAX_BATCH_CLAIMS)"})

    @ma.pre_load
    def trim(self, data, **kwargs):
        if isinstance(data, dict) and isinstance(data.get("claims"), list):
            data = {**data, "claims": [_strip(c) for c in data["claims"]]}
        return data


class FigureSchema(ma.Schema):
    text = ma.fields.String(metadata={"description": "The figure as written"})
    start = ma.fields.Integer(metadata={"description": "Offset of the figure in the source article (passage figures) or in the claim"})
    end = ma.fields.Integer()
    value = ma.fields.Float(allow_none=True, metadata={"description": "The number stated; null for vague amounts such as 'dozens'"})
    low = ma.fields.Float(metadata={"description": "Lower end of the interval the wording allows"})
    high = ma.fields.Float(allow_none=True, metadata={"description": "Upper end; null when open-ended ('at least 300')"})
    qualifier = ma.fields.String(allow_none=True, metadata={"description": "nearly, about, at least, over, dozens, between ..."})
    kind = ma.fields.String(metadata={"description": "count, year, percent, money, distance, duration, mass, age or ordinal"})
    unit = ma.fields.String(allow_none=True)
    counts = ma.fields.String(allow_none=True, metadata={"description": "What is counted, as written"})
    counts_key = ma.fields.String(allow_none=True, metadata={"description": "What is counted, normalised for comparison"})


class SourceRefSchema(ma.Schema):
    id = ma.fields.String()
    title = ma.fields.String()
    url = ma.fields.String(allow_none=True)
    outlet = ma.fields.String(allow_none=True)
    published = ma.fields.String(allow_none=True)


class AttributionSchema(ma.Schema):
    asserted_by = ma.fields.String(allow_none=True, metadata={"description": "Who the passage says asserts it (an outlet, agency, official), as written"})
    hedged = ma.fields.Boolean(metadata={"description": "Whether the passage hedges it ('reportedly', 'claimed', 'unverified')"})
    hedges = ma.fields.List(ma.fields.String(), metadata={"description": "The hedging words found"})


class ContextSchema(ma.Schema):
    sentence_index = ma.fields.Integer()
    char_start = ma.fields.Integer()
    char_end = ma.fields.Integer()
    text = ma.fields.String()


class PlacementSchema(ma.Schema):
    """Another place the same statement appears (one quote carried by several outlets)."""

    passage_id = ma.fields.String()
    source = ma.fields.Nested(SourceRefSchema)
    sentence_index = ma.fields.Integer()
    char_start = ma.fields.Integer()
    char_end = ma.fields.Integer()
    text = ma.fields.String()
    stance = ma.fields.String(validate=ma.validate.OneOf([SUPPORTS, REFUTES, NEUTRAL]))
    attribution = ma.fields.Nested(AttributionSchema)


class EvidenceSchema(ma.Schema):
    passage_id = ma.fields.String(metadata={"description": "<source id>:<sentence index>"})
    text = ma.fields.String(metadata={"description": "Exactly the source text from char_start to char_end"})
    source = ma.fields.Nested(SourceRefSchema)
    sentence_index = ma.fields.Integer()
    char_start = ma.fields.Integer(metadata={"description": "Offset in Unicode code points into the source article"})
    char_end = ma.fields.Integer()
    similarity = ma.fields.Float(metadata={"description": "Cosine similarity of claim and passage embeddings"})
    relevance = ma.fields.Float(metadata={"description": "How much the passage is about the claim, 0..1"})
    stance = ma.fields.String(validate=ma.validate.OneOf([SUPPORTS, REFUTES, NEUTRAL]))
    stance_score = ma.fields.Float(metadata={"description": "Confidence in the stance, 0..1"})
    figures = ma.fields.List(ma.fields.Nested(FigureSchema))
    reasons = ma.fields.List(ma.fields.String(), metadata={"description": "Why the stance was given"})
    attribution = ma.fields.Nested(AttributionSchema)
    context = ma.fields.Nested(ContextSchema, allow_none=True, metadata={
        "description": "The sentence before, when this one opens with a pronoun and is read with it"})
    also_in = ma.fields.List(ma.fields.Nested(PlacementSchema), metadata={
        "description": "Near-identical passages elsewhere (the same statement repeated by other outlets)"})


class CorpusFigureSchema(ma.Schema):
    source = ma.fields.Nested(SourceRefSchema)
    passage_id = ma.fields.String()
    figure = ma.fields.Nested(FigureSchema)
    agrees_with_claim = ma.fields.Boolean()
    attribution = ma.fields.Nested(AttributionSchema)


class FigureComparisonSchema(ma.Schema):
    claim_figure = ma.fields.Nested(FigureSchema)
    corpus = ma.fields.List(ma.fields.Nested(CorpusFigureSchema), metadata={
        "description": "Figures the corpus gives for the same quantity, by source"})
    sources_agree = ma.fields.Boolean(allow_none=True, metadata={
        "description": "Whether those figures are all consistent with each other; null when there are none"})


class VerifyResponseSchema(ma.Schema):
    claim = ma.fields.String()
    verdict = ma.fields.String(validate=ma.validate.OneOf(VERDICTS))
    confidence = ma.fields.Float(metadata={"description": "0..1"})
    evidence = ma.fields.List(ma.fields.Nested(EvidenceSchema))
    claim_figures = ma.fields.List(ma.fields.Nested(FigureSchema))
    figure_comparison = ma.fields.List(ma.fields.Nested(FigureComparisonSchema), metadata={
        "description": "For each figure in the claim, what the corpus says of the same quantity"})
    index_version = ma.fields.String()
    model = ma.fields.String(metadata={"description": "The embedding model"})
    stance_model = ma.fields.String(metadata={"description": "The stance scorer: explicit, or nli:<folder>"})
    cached = ma.fields.Boolean(metadata={"description": "Whether this result came from the cache"})


class VerifyBatchResponseSchema(ma.Schema):
    results = ma.fields.List(ma.fields.Nested(VerifyResponseSchema), metadata={"description": "One result per claim, in order"})
