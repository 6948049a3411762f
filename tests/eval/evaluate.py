"""Run the labelled claim set through POST /verify and measure it.

    python -m tests.eval.evaluate [--report tests/eval/report.json] [--check]

Each claim goes through the app's own POST /verify (schema, engine, verifier; the cache is
off so every claim is verified). Prints verdict accuracy, macro-F1 and the confusion matrix;
evidence recall@1 and @5; accuracy per category and per split (dev / held out); figure-claim
accuracy; NOT_ENOUGH_INFO claims answered REFUTED; calibration of `confidence`; median and
p95 time per claim. Writes the JSON report. With --check, exits 1 when a metric is below its
threshold in tests/eval/thresholds.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from models.verdict import VERDICTS

HERE = Path(__file__).resolve().parent
CLAIMS_DIR = HERE / "claims"
THRESHOLDS = HERE / "thresholds.json"


def load_claims(folder: Path = CLAIMS_DIR) -> list[dict]:
    claims = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                c = json.loads(line)
                c["split"] = "holdout" if int(hashlib.sha256(c["id"].encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"
                claims.append(c)
    ids = [c["id"] for c in claims]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate claim ids: " + ", ".join(k for k, v in Counter(ids).items() if v > 1))
    return claims


def evidence_found(gold: list[dict], returned: list[dict]) -> bool:
    """A returned passage from the gold source that contains the gold sentence or lies within it."""
    for g in gold:
        for e in returned:
            if e["source"]["id"] == g["source_id"] and (g["text"] in e["text"] or e["text"] in g["text"]):
                return True
    return False


def macro_f1(pairs: list[tuple[str, str]], labels) -> float:
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        if tp + fp + fn == 0:
            continue  # a label absent from gold and predictions does not count
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def calibration(rows: list[dict], bins: int = 5) -> dict:
    """Expected calibration error of `confidence` as the probability that the verdict is right."""
    table = []
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [r for r in rows if lo <= r["confidence"] < hi or (b == bins - 1 and r["confidence"] == 1.0)]
        if not inside:
            continue
        acc = sum(r["correct"] for r in inside) / len(inside)
        conf = sum(r["confidence"] for r in inside) / len(inside)
        ece += len(inside) / len(rows) * abs(acc - conf)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "claims": len(inside), "mean_confidence": round(conf, 3),
                      "accuracy": round(acc, 3)})
    return {"ece": round(ece, 4), "bins": table}


def summarise(rows: list[dict]) -> dict:
    pairs = [(r["gold"], r["predicted"]) for r in rows]
    with_evidence = [r for r in rows if r["gold_evidence"]]
    figure_rows = [r for r in rows if r["figure"]]
    out = {
        "claims": len(rows),
        "accuracy": round(sum(r["correct"] for r in rows) / len(rows), 4) if rows else 0.0,
        "macro_f1": round(macro_f1(pairs, VERDICTS), 4),
        "evidence_recall_at_1": round(sum(r["found_at_1"] for r in with_evidence) / len(with_evidence), 4) if with_evidence else None,
        "evidence_recall_at_5": round(sum(r["found_at_5"] for r in with_evidence) / len(with_evidence), 4) if with_evidence else None,
        "figure_claims": len(figure_rows),
        "figure_accuracy": round(sum(r["correct"] for r in figure_rows) / len(figure_rows), 4) if figure_rows else None,
        "nei_answered_refuted": sum(1 for g, p in pairs if g == "NOT_ENOUGH_INFO" and p == "REFUTED"),
    }
    return out


def run(claims: list[dict]) -> dict:
    from service import create_app
    from service.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env({"CLAIMVERIFY_INDEX_DIR": str(Path(tmp) / "index"),
                                      "CLAIMVERIFY_WARM_UP_IN_BACKGROUND": "false", "CLAIMVERIFY_CACHE_MAX_ENTRIES": "0",
                                      "CLAIMVERIFY_RATE_LIMIT": "off"})
        client = create_app(settings).test_client()
        rows = []
        for c in claims:
            t0 = time.perf_counter()
            r = client.post("/verify", json={"claim": c["claim"], "top_k": 5})
            elapsed = time.perf_counter() - t0
            if r.status_code != 200:
                raise RuntimeError(f"{c['id']}: HTTP {r.status_code} {r.get_data(as_text=True)}")
            out = r.get_json()
            rows.append({
                "id": c["id"], "split": c["split"], "category": c["category"], "figure": bool(c.get("figure")),
                "claim": c["claim"], "gold": c["verdict"], "predicted": out["verdict"],
                "confidence": out["confidence"], "correct": out["verdict"] == c["verdict"],
                "gold_evidence": bool(c["evidence"]),
                "found_at_1": evidence_found(c["evidence"], out["evidence"][:1]),
                "found_at_5": evidence_found(c["evidence"], out["evidence"][:5]),
                "seconds": elapsed,
                "top": [f"{e['passage_id']} {e['stance']} {e['stance_score']}: {'; '.join(e['reasons'][:2])}"
                        for e in out["evidence"][:3]],
            })
    times = sorted(r["seconds"] for r in rows)
    by_category = defaultdict(list)
    for r in rows:
        by_category[r["category"]].append(r)
    confusion = {g: {p: sum(1 for r in rows if r["gold"] == g and r["predicted"] == p) for p in VERDICTS} for g in VERDICTS}
    return {
        "overall": summarise(rows),
        "splits": {s: summarise([r for r in rows if r["split"] == s]) for s in ("dev", "holdout")},
        "confusion": confusion,
        "per_category": {k: {"claims": len(v), "accuracy": round(sum(r["correct"] for r in v) / len(v), 4)}
                         for k, v in sorted(by_category.items())},
        "calibration": calibration(rows),
        "seconds_per_claim": {"median": round(statistics.median(times), 4),
                              "p95": round(times[min(len(times) - 1, int(0.95 * len(times)))], 4)},
        "errors": [{k: r[k] for k in ("id", "split", "category", "claim", "gold", "predicted", "confidence", "top")}
                   for r in rows if not r["correct"]],
        # claims whose gold evidence is not among the first five passages returned
        "evidence_missed_at_5": [r["id"] for r in rows if r["gold_evidence"] and not r["found_at_5"]],
    }


def check(report: dict, thresholds: dict) -> list[str]:
    failures = []
    overall = report["overall"]
    for name, floor in thresholds.get("min", {}).items():
        if overall[name] is None or overall[name] < floor:
            failures.append(f"{name} = {overall[name]} < {floor}")
    for name, ceiling in thresholds.get("max", {}).items():
        if overall[name] > ceiling:
            failures.append(f"{name} = {overall[name]} > {ceiling}")
    return failures


def print_report(report: dict) -> None:
    o = report["overall"]
    print(f"claims {o['claims']}  accuracy {o['accuracy']:.3f}  macro-F1 {o['macro_f1']:.3f}  "
          f"recall@1 {o['evidence_recall_at_1']:.3f}  recall@5 {o['evidence_recall_at_5']:.3f}  "
          f"figure claims {o['figure_accuracy']:.3f} ({o['figure_claims']})  NEI->REFUTED {o['nei_answered_refuted']}")
    for split, s in report["splits"].items():
        print(f"  {split:8} {s['claims']:4} claims  accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  "
              f"recall@5 {s['evidence_recall_at_5']}")
    print("confusion (rows gold, columns predicted): " + " ".join(v[:4] for v in VERDICTS))
    for g, row in report["confusion"].items():
        print(f"  {g:16} " + " ".join(f"{row[p]:4d}" for p in VERDICTS))
    print("per category: " + ", ".join(f"{k} {v['accuracy']:.2f} ({v['claims']})" for k, v in report["per_category"].items()))
    cal = report["calibration"]
    print(f"calibration ECE {cal['ece']}: " + ", ".join(f"{b['bin']} conf {b['mean_confidence']} acc {b['accuracy']} (n={b['claims']})" for b in cal["bins"]))
    t = report["seconds_per_claim"]
    print(f"time per claim: median {t['median'] * 1000:.1f} ms, p95 {t['p95'] * 1000:.1f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.evaluate")
    parser.add_argument("--report", type=Path, default=HERE / "report.json")
    parser.add_argument("--claims", type=Path, default=CLAIMS_DIR, help="folder of *.jsonl claim files")
    parser.add_argument("--check", action="store_true", help="exit 1 when a metric is below its threshold")
    parser.add_argument("--errors", action="store_true", help="print the claims answered wrongly")
    parser.add_argument("--split", choices=["dev", "holdout"], help="print errors of this split only")
    args = parser.parse_args(argv)
    report = run(load_claims(args.claims))
    report["thresholds"] = json.loads(THRESHOLDS.read_text())
    args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_report(report)
    if args.errors:
        for e in report["errors"]:
            if not args.split or e["split"] == args.split:
                print(f"\n{e['id']} [{e['split']}/{e['category']}] gold {e['gold']} got {e['predicted']} {e['confidence']}: {e['claim']}")
                for t in e["top"]:
                    print("    " + t)
    if args.check:
        failures = check(report, report["thresholds"])
        for f in failures:
            print("below threshold: " + f, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
