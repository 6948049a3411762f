"""The evaluation's own arithmetic (tests/eval/evaluate.py)."""

from tests.eval.evaluate import calibration, check, evidence_found, load_claims, macro_f1


def test_macro_f1_counts_only_labels_present():
    pairs = [("SUPPORTED", "SUPPORTED"), ("REFUTED", "SUPPORTED"), ("REFUTED", "REFUTED")]
    # SUPPORTED: tp1 fp1 fn0 -> 2/3; REFUTED: tp1 fp0 fn1 -> 2/3
    assert abs(macro_f1(pairs, ["SUPPORTED", "REFUTED", "CONFLICTING"]) - 2 / 3) < 1e-9


def test_evidence_is_found_by_containment_either_way():
    gold = [{"source_id": "s", "text": "Iraq has closed its border with Syria."}]
    assert evidence_found(gold, [{"source": {"id": "s"}, "text": "Iraq has closed its border with Syria."}])
    assert evidence_found(gold, [{"source": {"id": "s"}, "text": "closed its border"}])
    assert not evidence_found(gold, [{"source": {"id": "t"}, "text": "Iraq has closed its border with Syria."}])


def test_check_fails_below_a_floor_and_above_a_ceiling():
    report = {"overall": {"macro_f1": 0.5, "nei_answered_refuted": 1}}
    assert check(report, {"min": {"macro_f1": 0.6}, "max": {"nei_answered_refuted": 0}}) == [
        "macro_f1 = 0.5 < 0.6", "nei_answered_refuted = 1 > 0"]
    assert check(report, {"min": {"macro_f1": 0.5}, "max": {"nei_answered_refuted": 1}}) == []


def test_calibration_error():
    rows = [{"confidence": 0.9, "correct": True}, {"confidence": 0.9, "correct": False}]
    assert calibration(rows)["ece"] == 0.4


def test_the_claim_set_is_well_formed():
    claims = load_claims()
    assert len(claims) >= 150
    for c in claims:
        assert c["verdict"] in ("SUPPORTED", "REFUTED", "CONFLICTING", "NOT_ENOUGH_INFO")
        assert bool(c["evidence"]) == (c["verdict"] != "NOT_ENOUGH_INFO"), c["id"]
    assert 0.25 < sum(c["split"] == "holdout" for c in claims) / len(claims) < 0.42
