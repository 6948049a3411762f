"""From per-passage stances to one verdict. Pure.

Evidence is weighed per source: each source contributes its strongest supporting and its
strongest refuting passage, so one outlet repeating itself counts once. When the lighter side
holds at least half the heavier side's weight the verdict is CONFLICTING: one outlet that says
a counterattack was launched against two that say it is being prepared is a disagreement a
fact-checker must see, not a refutation; three outlets against one outweigh it, and so do two
strong ones against one weak one. With no supporting or refuting passage it is NOT_ENOUGH_INFO.

`confidence` is the best stance score on the winning side scaled by that side's share of the
weight; for CONFLICTING, the weaker side's best score; for NOT_ENOUGH_INFO, one minus the
relevance of the most relevant passage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from models.stance import REFUTES, SUPPORTS, Stance

SUPPORTED, REFUTED, CONFLICTING, NOT_ENOUGH_INFO = "SUPPORTED", "REFUTED", "CONFLICTING", "NOT_ENOUGH_INFO"
VERDICTS = (SUPPORTED, REFUTED, CONFLICTING, NOT_ENOUGH_INFO)


@dataclass(frozen=True)
class Verdict:
    label: str
    confidence: float


def _weight(stances: Sequence[Stance], sources: Sequence[str], label: str) -> tuple[float, float]:
    best_per_source: dict[str, float] = {}
    for s, src in zip(stances, sources):
        if s.label == label:
            best_per_source[src] = max(best_per_source.get(src, 0.0), s.score)
    return sum(best_per_source.values()), max(best_per_source.values(), default=0.0)


def decide(stances: Sequence[Stance], sources: Sequence[str], conflict_ratio: float = 0.5) -> Verdict:
    """`sources[i]` is the source id of the passage behind `stances[i]`.
    `conflict_ratio`: when the lighter side holds at least this fraction of the heavier side's
    weight the verdict is CONFLICTING (0.6 until a review's probe: "The Syrian military has
    launched a counterattack", stated by one seed outlet and contradicted by two, came out
    REFUTED)."""
    if len(stances) != len(sources):
        raise ValueError("one source id per stance")
    support, best_support = _weight(stances, sources, SUPPORTS)
    refute, best_refute = _weight(stances, sources, REFUTES)
    if not support and not refute:
        best_relevance = max((s.relevance for s in stances), default=0.0)
        return Verdict(NOT_ENOUGH_INFO, round(max(0.0, min(1.0, 1.0 - best_relevance)), 4))
    if support and refute and min(support, refute) >= conflict_ratio * max(support, refute):
        return Verdict(CONFLICTING, round(min(best_support, best_refute), 4))
    if support > refute:
        return Verdict(SUPPORTED, round(best_support * support / (support + refute), 4))
    return Verdict(REFUTED, round(best_refute * refute / (support + refute), 4))
