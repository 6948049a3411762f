"""How a stance is decided: does a passage support the claim, conflict with it, or neither?

One interface, `StanceScorer.score(claim, passages) -> [Stance]`, two implementations:

- `ExplicitStanceScorer` (the default): every decision comes from evidence a reader can check,
  and each is written into `reasons`. It measures how much of the claim the passage covers
  (content words weighted by rarity in the corpus, with spelling variants and a small general
  synonym table), then looks for conflict: a figure for the same quantity whose interval does
  not overlap the claim's, a predicate negated on one side only, or an opposite predicate
  (opened/closed). Conflict needs the rest of the claim to be covered, so a different count of
  a different event is not called a contradiction.
- `CrossEncoderStanceScorer`: a sentence-transformers `CrossEncoder` NLI model from a local
  folder (entailment / neutral / contradiction), for users who have one. Figure conflicts from
  the explicit scorer are still reported, and override an NLI "entailment".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Protocol, Sequence

from models.analysis import TextAnalysis
from models.figures import Figure, comparable, consistent
from models.text import match_key, names_match

SUPPORTS, REFUTES, NEUTRAL = "SUPPORTS", "REFUTES", "NEUTRAL"


@dataclass(frozen=True)
class PassageView:
    """What a scorer sees of a candidate passage."""

    text: str
    analysis: TextAnalysis
    similarity: float  # cosine between claim and passage embeddings


@dataclass
class Stance:
    label: str
    score: float        # confidence in `label`, 0..1
    relevance: float    # how much the passage is about the claim, 0..1
    coverage: float     # weighted share of the claim's content words the passage contains
    reasons: list[str] = field(default_factory=list)


class StanceScorer(Protocol):
    name: str

    def warm_up(self) -> None: ...

    @property
    def ready(self) -> bool: ...

    def score(self, claim_text: str, claim: TextAnalysis, passages: Sequence[PassageView]) -> list[Stance]: ...


def _group_table(groups: str) -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for line in groups.strip().splitlines():
        members = frozenset(match_key(w) for w in line.split())
        for m in members:
            table[m] = table.get(m, frozenset()) | members
    return table


# Words that say the same thing in news reporting. General English, one group a line.
SYNONYMS = _group_table("""
kill killed killing deaths death dead die died slain casualties fatalities eliminated eliminate toll
terrorist terrorists militant militants insurgent insurgents rebel rebels jihadist jihadists fighters extremists gunmen
soldier soldiers troops army military servicemen forces
strike strikes airstrike airstrikes bombing bombings raid raids bombardment
attack attacks offensive assault incursion advance
capture captured seize seized overran overrun took control
vow vowed pledge pledged promise promised swore
defeat defeated crush crushed eradicate eradicated eliminate destroy
displaced displacement fled flee evacuated refugees
launch launched began begin started start initiated
call conversation phone talk talks spoke
border frontier boundary
president leader
city town
""")

# Opposite predicates, one pair a word: either side in the claim met by the other in the
# passage is a conflict when the rest of the claim is covered.
_OPPOSITES = """
open:close opened:closed reopen:shut
fail:succeed fail:manage failed:managed fail:success
deny:confirm deny:admit deny:acknowledge
withdraw:remain withdraw:stay withdraw:hold retreat:advance
win:lose won:lost victory:defeat
increase:decrease rise:fall rose:fell increase:drop
accept:reject agree:refuse agree:disagree
allow:prevent allow:ban allow:block permit:forbid
start:end start:stop begin:end begin:halt
support:oppose support:condemn
arrive:leave arrive:depart enter:leave enter:exit
true:false confirmed:unconfirmed verified:unverified
capture:lose fall:hold
"""
ANTONYMS: dict[str, set[str]] = {}
for _pair in _OPPOSITES.split():
    _a, _b = (match_key(w) for w in _pair.split(":"))
    ANTONYMS.setdefault(_a, set()).add(_b)
    ANTONYMS.setdefault(_b, set()).add(_a)


def _matches(key: str, claim_names: set[str], passage: TextAnalysis, passage_keys: set[str]) -> bool:
    if key in passage_keys:
        return True
    if SYNONYMS.get(key, frozenset()) & passage_keys:
        return True
    if key in claim_names:
        return any(names_match(key, n) for n in passage.names)
    return False


@dataclass
class ExplicitStanceScorer:
    """Stance from explicit evidence. Every threshold is a parameter:

    idf: inverse document frequency of match keys over the corpus passages; keys absent from
        the corpus get `unknown_weight` (a name the corpus never mentions weighs most).
    support_coverage: share of the claim's weighted content a passage must contain to support
        it. A different figure for the same quantity is a conflict only at this coverage too:
        the passage must say what the claim says but for the number, or it may be counting
        another event.
    conflict_coverage: share of the rest of the claim a passage must contain before a negation
        or an opposite word in it counts as a conflict.
    relevance_floor: below this relevance a passage is NEUTRAL whatever it says.
    """

    idf: Mapping[str, float]
    unknown_weight: float | None = None
    support_coverage: float = 0.7
    conflict_coverage: float = 0.6
    relevance_floor: float = 0.3
    name: str = "explicit"

    def __post_init__(self):
        for attr in ("support_coverage", "conflict_coverage", "relevance_floor"):
            if not 0.0 <= getattr(self, attr) <= 1.0:
                raise ValueError(f"{attr} must be in [0, 1]")
        if self.unknown_weight is None:
            self.unknown_weight = max(self.idf.values(), default=1.0)

    ready = True

    def warm_up(self) -> None:
        return None

    def weight(self, key: str) -> float:
        return self.idf.get(key, self.unknown_weight)

    def score(self, claim_text: str, claim: TextAnalysis, passages: Sequence[PassageView]) -> list[Stance]:
        return [self.score_one(claim, p) for p in passages]

    def score_one(self, claim: TextAnalysis, passage: PassageView) -> Stance:
        pa = passage.analysis
        passage_keys = set(pa.keys)
        claim_names = {match_key(n) for n in claim.names} | set(claim.names)
        weights = {k: self.weight(k) for k in claim.keys}
        total = sum(weights.values()) or 1.0
        matched = {k for k in claim.keys if _matches(k, claim_names, pa, passage_keys)}
        coverage = sum(weights[k] for k in matched) / total
        relevance = max(0.0, min(1.0, 0.65 * coverage + 0.35 * max(passage.similarity, 0.0)))
        reasons: list[str] = []
        conflicts: list[tuple[float, str]] = []

        # Figures: each claim figure against the passage's figures for the same quantity.
        figure_matches, unverified = [], []
        for cf in claim.figures:
            same_quantity = [pf for pf in pa.figures if comparable(cf, pf)]
            if not same_quantity:
                if cf.kind != "year":
                    unverified.append(cf)
                continue
            agreeing = [pf for pf in same_quantity if consistent(cf, pf)]
            if agreeing:
                figure_matches.append((cf, agreeing[0]))
            else:
                said = "; ".join(pf.describe() for pf in same_quantity)
                conflicts.append((coverage - self.support_coverage + self.conflict_coverage,
                                  f"figure mismatch: the claim says {cf.describe()}; the passage says {said}"))

        # Negation on one side only, of a predicate both sides share.
        claim_neg, passage_neg = set(claim.negated), set(pa.negated)

        def negated_in_passage(k: str) -> str | None:
            if k in passage_neg:
                return k
            return next(iter(SYNONYMS.get(k, frozenset()) & passage_neg), None)

        # Direct matches first, so the reason names the word the passage itself negates.
        for k in sorted((k for k in claim.keys if k in matched), key=lambda k: k not in passage_neg):
            in_passage = negated_in_passage(k)
            if (k in claim_neg) != (in_passage is not None):
                side, word = ("the claim", k) if k in claim_neg else ("the passage", in_passage)
                conflicts.append((coverage, f"negation: {side} negates '{word}'"))
                break

        # Opposite predicates: the claim's word is absent but its opposite is there.
        for k in claim.keys:
            if k in matched or k in claim_neg:
                continue
            opposite = next((o for o in ANTONYMS.get(k, ()) if o in passage_keys and o not in passage_neg), None)
            if opposite:
                rest = sum(weights[x] for x in matched) / (total - weights[k] or 1.0)
                conflicts.append((rest, f"opposite wording: the claim says '{k}', the passage '{opposite}'"))

        credible = [(cov, why) for cov, why in conflicts if cov >= self.conflict_coverage]
        if relevance < self.relevance_floor and not credible:
            return Stance(NEUTRAL, round(1.0 - relevance, 4), round(relevance, 4), round(coverage, 4),
                          [f"low relevance: covers {coverage:.0%} of the claim"])
        if credible:
            reasons = [why for _, why in credible]
            strength = max(cov for cov, _ in credible)
            score = min(1.0, 0.5 * strength + 0.5 * relevance + 0.1 * (len(credible) - 1))
            return Stance(REFUTES, round(score, 4), round(relevance, 4), round(coverage, 4), reasons)
        reasons.append(f"covers {coverage:.0%} of the claim")
        for cf, pf in figure_matches:
            reasons.append(f"figure agrees: the claim says {cf.describe()}; the passage says {pf.describe()}")
        for _, why in conflicts:
            reasons.append(f"not counted as a conflict (passage covers too little of the claim): {why}")
        if unverified:
            reasons.append("the passage states no figure for " + ", ".join(cf.describe() for cf in unverified))
        if coverage >= self.support_coverage and not unverified:
            score = min(1.0, 0.6 * coverage + 0.4 * relevance + (0.05 if figure_matches else 0.0))
            return Stance(SUPPORTS, round(score, 4), round(relevance, 4), round(coverage, 4), reasons)
        return Stance(NEUTRAL, round(1.0 - relevance * 0.5, 4), round(relevance, 4), round(coverage, 4), reasons)


class CrossEncoderStanceScorer:
    """NLI stance from a sentence-transformers CrossEncoder in a local folder.

    The model's `id2label` must name entailment, contradiction and neutral classes (any case).
    Each passage is scored as premise, the claim as hypothesis. Explicit figure conflicts are
    kept: an NLI model is weak exactly on numbers.
    """

    def __init__(self, model_path: str | Path, explicit: ExplicitStanceScorer, batch_size: int = 16):
        self.model_path = Path(model_path)
        if not (self.model_path / "config.json").is_file():
            raise ValueError(f"{self.model_path}: not a cross-encoder model folder (no config.json)")
        self.explicit = explicit
        self.batch_size = batch_size
        self.name = f"nli:{self.model_path.name}"
        self._model = None
        self._labels: dict[int, str] = {}

    @property
    def ready(self) -> bool:
        return self._model is not None

    def warm_up(self) -> None:
        if self._model is not None:
            return
        from sentence_transformers import CrossEncoder

        model = CrossEncoder(str(self.model_path), device="cpu", local_files_only=True)
        id2label = {int(i): str(l).lower() for i, l in model.model.config.id2label.items()}
        wanted = {"entailment", "contradiction", "neutral"}
        found = {next((w for w in wanted if w in l), None) for l in id2label.values()}
        if not wanted <= found:
            raise ValueError(f"{self.model_path}: id2label {id2label} does not name entailment, neutral and contradiction")
        self._labels = {i: next(w for w in wanted if w in l) for i, l in id2label.items()}
        self._model = model

    def score(self, claim_text: str, claim: TextAnalysis, passages: Sequence[PassageView]) -> list[Stance]:
        if self._model is None:
            raise RuntimeError("CrossEncoderStanceScorer.score called before warm_up()")
        explicit = self.explicit.score(claim_text, claim, passages)
        if not passages:
            return []
        logits = self._model.predict([(p.text, claim_text) for p in passages], batch_size=self.batch_size,
                                     convert_to_numpy=True, show_progress_bar=False)
        out = []
        for ex, row in zip(explicit, logits):
            exps = [math.exp(float(x) - max(row)) for x in row]
            probs = {self._labels[i]: e / sum(exps) for i, e in enumerate(exps)}
            label = max(probs, key=probs.get)
            reasons = [f"NLI {label} {probs[label]:.2f}"]
            figure_conflicts = [r for r in ex.reasons if r.startswith("figure mismatch")] if ex.label == REFUTES else []
            if figure_conflicts:
                out.append(Stance(REFUTES, ex.score, ex.relevance, ex.coverage, figure_conflicts + reasons))
                continue
            mapped = {"entailment": SUPPORTS, "contradiction": REFUTES, "neutral": NEUTRAL}[label]
            out.append(Stance(mapped, round(probs[label], 4), ex.relevance, ex.coverage, reasons + ex.reasons))
        return out
