"""The stance scorer's shortcut for candidates that cover little of the claim
(`ExplicitStanceScorer._may_conflict`) must change no answer: every stance of every
candidate of the labelled claims, with the shortcut and without it, on the real index."""

from __future__ import annotations

import pytest

from models.analysis import analyse
from models.stance import REFUTES, ExplicitStanceScorer, PassageView
from tests.eval.evaluate import load_claims


def test_the_shortcut_changes_no_stance(engine, monkeypatch):
    v = engine.require_verifier()
    claims = [c["claim"] for c in load_claims()]
    candidates = v.retriever.retrieve(claims, v.embedder.encode(claims), 5)
    views = [[v._view(v.store.passages[c.row], c) for c in cands] for cands in candidates]
    analyses = [analyse(c, denial_negates=False) for c in claims]

    taken = []
    may_conflict = v.scorer._may_conflict

    def counting(*args):
        answer = may_conflict(*args)
        taken.append(not answer)
        return answer

    monkeypatch.setattr(v.scorer, "_may_conflict", counting)
    fast = [v.scorer.score(c, a, vs) for c, a, vs in zip(claims, analyses, views)]
    monkeypatch.setattr(v.scorer, "_may_conflict", lambda *args: True)
    full = [v.scorer.score(c, a, vs) for c, a, vs in zip(claims, analyses, views)]

    assert sum(taken) > 1000   # the shortcut is taken: this test compares something
    for claim, f, s in zip(claims, full, fast):
        assert f == s, claim


@pytest.mark.parametrize("claim, passage, heavy, reason", [
    # the rest of the claim is said, a name of great weight swapped: a conflict at low coverage
    ("Zorvak troops shelled Velmar", "Zorvak troops shelled Dunmore", "velmar", "entity mismatch"),
    # the rest is said, a heavy word's opposite stands in its place
    ("Estria closed the crossing", "Estria opened the crossing", "close", "opposite wording"),
])
def test_a_conflict_at_low_relevance_is_still_found(claim, passage, heavy, reason):
    ca, pa = analyse(claim, denial_negates=False), analyse(passage)
    idf = {k: 1.0 for k in set(ca.keys) | set(pa.keys)}
    idf[heavy] = 12.0
    scorer = ExplicitStanceScorer(idf, common_keys=frozenset(k for k in idf if k not in {"zorvak", "velmar", "dunmor", "estria"}))
    s = scorer.score(claim, ca, [PassageView(passage, pa, 0.0)])[0]
    assert s.relevance < scorer.relevance_floor    # the case the shortcut is for
    assert s.label == REFUTES and any(r.startswith(reason) for r in s.reasons), s.reasons
