"""Schema fuzzing: schemathesis generates requests for every operation of the committed
openapi.yaml and sends them to the real service under gunicorn (two workers, Redis, the rate
limiter counting but set too high to refuse, the operator endpoints on with a test key).

Each operation is fuzzed with schema-valid (positive) requests and, where it takes input,
schema-violating (negative) ones. Positive operator requests carry the key, negative ones do
not. Valid claims and source ids are mostly nonsense to the corpus, so the positive strategy
also mixes in claims made from the seed articles' sentences (numbers swapped for other numbers,
huge, fractional or vague ones) and the real source ids, to reach the verifier's figure and
grouping code, not only its 422s. Every response must pass: no 5xx, documented status codes,
content types and response schemas, and every 4xx is an application/problem+json with type,
title, status and detail. All failures are collected (no stop at the first) and reported with a
curl command each. Derandomized: CI sends the same requests every time."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

import pytest
import requests
import schemathesis
import yaml
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from tests.conftest import REDIS_URL, ROOT, SEEDS, free_port, get_json

MIN_REQUESTS = 1000
# max_examples per operation and mode; operations without inputs have one possible request.
EXAMPLES = {
    ("POST /verify", "positive"): 350, ("POST /verify", "negative"): 250,
    ("POST /verify/batch", "positive"): 300, ("POST /verify/batch", "negative"): 200,
    ("GET /sources/{source_id}", "positive"): 150,
    ("POST /operator/reindex", "positive"): 6,  # three bodies in all; a forced rebuild takes seconds
    ("DELETE /operator/cache", "positive"): 10,
}
DEFAULT_EXAMPLES = 25
# A deeper or differently seeded run by hand: CLAIMVERIFY_FUZZ_SCALE=4 CLAIMVERIFY_FUZZ_SEED=7 pytest -s ...
SCALE = float(os.environ.get("CLAIMVERIFY_FUZZ_SCALE") or 1)
SEED = int(os.environ["CLAIMVERIFY_FUZZ_SEED"]) if os.environ.get("CLAIMVERIFY_FUZZ_SEED") else None
OPERATOR_KEY = "fuzz-operator-key"  # the server gets its sha256; valid requests send it
PROBLEM_FIELDS = {"type": str, "title": str, "status": int, "detail": str}


def problem_json_for_every_4xx(ctx, response, case):
    """Custom check: a 4xx is RFC 9457 application/problem+json with type, title, status, detail."""
    if not 400 <= response.status_code < 500:
        return None
    ctype = (response.headers.get("content-type") or [""])[0].split(";")[0].strip().lower()
    assert ctype == "application/problem+json", f"{response.status_code} with Content-Type {ctype!r}"
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError(f"{response.status_code} problem body is not JSON: {response.content[:200]!r}") from None
    assert isinstance(body, dict), f"problem body is not an object: {body!r}"
    for field, kind in PROBLEM_FIELDS.items():
        value = body.get(field)
        assert isinstance(value, kind) and not isinstance(value, bool) and value != "", \
            f"problem field {field!r} missing or not a {kind.__name__}: {body!r}"
    assert body["status"] == response.status_code, f"problem status {body['status']} != HTTP {response.status_code}"
    return None


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          problem_json_for_every_4xx]


@pytest.fixture(scope="module")
def live(index_dir, engine, tmp_path_factory):  # engine: the session index is built before gunicorn starts
    """gunicorn as `make run` starts it (two workers), on Redis under a prefix of its own, with the
    operator endpoints on and a rate limit no fuzzing run reaches (the limiter still counts)."""
    port, prefix = free_port(), f"claimverify-fuzz:{uuid.uuid4().hex}:"
    tmp = tmp_path_factory.mktemp("fuzz")
    log_path = tmp / "gunicorn.log"
    # A copy of the session index: POST /operator/reindex may rebuild it.
    own_index = shutil.copytree(index_dir, tmp / "index")
    env = {**os.environ, "CLAIMVERIFY_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2",
           "CLAIMVERIFY_INDEX_DIR": str(own_index), "PYTHONPATH": str(ROOT),
           "REDIS_URL": REDIS_URL, "CLAIMVERIFY_CACHE_PREFIX": prefix, "CLAIMVERIFY_RATE_LIMIT": "1000000/minute",
           "CLAIMVERIFY_OPERATOR_KEY_SHA256": hashlib.sha256(OPERATOR_KEY.encode()).hexdigest()}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    # The log goes to a file: a pipe nobody reads fills up after a few hundred access-log lines.
    with open(log_path, "w") as log:
        proc = subprocess.Popen([str(gunicorn), "-c", "service/gunicorn_conf.py", "service.wsgi:app"], cwd=ROOT,
                                env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while True:
            assert proc.poll() is None, log_path.read_text()[-5000:]
            try:
                if get_json(base + "/ready")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert time.monotonic() - started < 120, "not ready within 120 s"
            time.sleep(0.25)
        yield base, log_path
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        try:
            import redis

            client = redis.Redis.from_url(REDIS_URL)
            for key in client.scan_iter(match=prefix.rstrip(":") + "*"):  # answers and rate-limit counters
                client.delete(key)
        except Exception:  # noqa: BLE001 - cleanup of a cache that may not be there
            pass


def seed_sentences() -> list[str]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            s = " ".join(s.split())
            if 20 <= len(s) <= 400:
                sentences.append(s)
    return sentences


def claim_strategy(sentences: list[str]) -> st.SearchStrategy[str]:
    """Claims made from the corpus: a sentence, its numbers swapped for others, maybe prefixed or cut."""
    number = st.one_of(
        st.integers(0, 10**7).map(str),
        st.integers(0, 10**7).map("{:,}".format),
        st.integers(10**15, 10**400).map(str),
        st.floats(0, 1e9, allow_nan=False).map(lambda f: f"{f:.2f}"),
        st.sampled_from(["dozens of", "hundreds", "1.5 million", "300-400", "between 3 and 5", "nearly 1,000",
                         "at least 300", "over 24", "50%", "$2 billion", "12 km", "2024", "½", "٣٠٠", "1e308"]),
    )

    @st.composite
    def build(draw):
        text = draw(st.sampled_from(sentences))
        text = re.sub(r"\d[\d,.]*", lambda m: draw(number), text)
        text = draw(st.sampled_from(["", "Not true: ", "Reportedly, ", "nearly ", "It was denied that "])) + text
        if draw(st.booleans()):
            text = text[: draw(st.integers(1, len(text)))]
        return text[:1000] if text.strip() else "Assad"

    return build()


def with_corpus_values(op, strategy, claims, source_ids):
    """The schemathesis strategy, and the same with corpus claims and real source ids swapped in."""
    ids = st.lists(st.sampled_from(source_ids), min_size=1, max_size=len(source_ids), unique=True)
    if op.label == "GET /sources/{source_id}":
        return st.one_of(strategy, *(op.as_strategy(path_parameters={"source_id": s}) for s in source_ids))
    if op.label not in ("POST /verify", "POST /verify/batch"):
        return strategy

    def swap(args):
        case, claim_list, chosen, keep_sources = args
        body = dict(case.body)
        if "claim" in body:
            body["claim"] = claim_list[0]
        else:
            body["claims"] = claim_list
        if "sources" in body or keep_sources:
            body["sources"] = chosen
        case.body = body
        return case

    corpus = st.tuples(strategy, st.lists(claims, min_size=1, max_size=8), ids, st.booleans()).map(swap)
    return st.one_of(strategy, corpus)


def run(op, mode, strategy, base, session, counts, failures) -> None:
    """Send up to max_examples generated requests for one operation and mode; record each new kind of failure."""
    operator = op.path.startswith("/operator/")
    examples = max(1, round(EXAMPLES.get((op.label, mode.value), DEFAULT_EXAMPLES) * SCALE))

    @settings(max_examples=examples, derandomize=SEED is None, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def fuzz(case):
        # Valid requests to the operator endpoints carry the key; invalid ones whatever was generated.
        auth = {"Authorization": f"Bearer {OPERATOR_KEY}"} if operator and mode is GenerationMode.POSITIVE else None
        response = case.call(base_url=base, session=session, headers=auth, timeout=120)
        counts[op.label, mode.value, response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except FailureGroup as group:
            for failure in group.exceptions:
                key = (op.label, failure.title)
                if key not in failures:
                    failures[key] = (f"[{op.label}, {mode.value}] {failure.title}: {failure.message}\n"
                                     f"  {case.as_curl_command(base_url=base)}")

    if SEED is not None:
        fuzz = seed(SEED)(fuzz)
    fuzz()


def test_schemathesis_fuzzes_every_operation(live, capsys):
    base, log_path = live
    schema = schemathesis.openapi.from_path(ROOT / "openapi.yaml")
    source_ids = sorted(s["id"] for s in get_json(base + "/sources")[1]["sources"])
    claims = claim_strategy(seed_sentences())
    session = requests.Session()
    counts: Counter = Counter()       # (operation, mode, status) -> requests
    failures: dict = {}               # (operation, failure title) -> the first report of it
    lines, operations = [], []
    started = time.monotonic()

    for result in schema.get_all_operations():
        op = result.ok()
        operations.append(op.label)
        takes_input = len(op.body) > 0 or any(True for _ in op.iter_parameters())
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            if mode is GenerationMode.NEGATIVE and not takes_input:
                continue  # nothing to violate: the positive request is the only one
            strategy = op.as_strategy(generation_mode=mode)
            if mode is GenerationMode.POSITIVE:
                strategy = with_corpus_values(op, strategy, claims, source_ids)
            before, t0 = sum(counts.values()), time.monotonic()
            try:
                run(op, mode, strategy, base, session, counts, failures)
            except Unsatisfiable:
                # A negative strategy with nothing it can violate (a path parameter whose only
                # invalid value, "", cannot be sent): the positive run covered the operation.
                assert mode is GenerationMode.NEGATIVE, op.label
            statuses = Counter({k[2]: n for k, n in counts.items() if k[:2] == (op.label, mode.value)})
            lines.append(f"  {op.label} {mode.value}: {sum(counts.values()) - before} requests in "
                         f"{time.monotonic() - t0:.1f} s, status {dict(sorted(statuses.items()))}")

    total = sum(counts.values())
    with capsys.disabled():  # reported in every run, not only a failing one
        print(f"\nschemathesis {schemathesis.__version__}: {total} requests over {len(operations)} operations "
              f"in {time.monotonic() - started:.1f} s, {len(failures)} kinds of failure")
        print("\n".join(lines))
    if failures:
        errors = [line for line in log_path.read_text(errors="replace").splitlines()
                  if "Error" in line or "Traceback" in line][-20:]
        pytest.fail(f"{len(failures)} kinds of failure in {total} requests:\n" + "\n".join(failures.values())
                    + "\nserver log (errors):\n" + "\n".join(errors), pytrace=False)
    called = {k[0] for k in counts}
    assert called == set(operations), f"operations never called: {set(operations) - called}"
    assert total >= MIN_REQUESTS, f"only {total} requests generated"


def test_undeclared_methods_are_405_problems(live):
    """For each path of the document, the methods it does not declare: 405 with Allow, as
    application/problem+json, whatever body comes with them (not a 415 about the body)."""
    base, _ = live
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    session = requests.Session()
    for template, item in spec["paths"].items():
        path = re.sub(r"{[^}]+}", "001_586925bde384db7a", template)
        for method in {"get", "post", "put", "patch", "delete"} - set(item):
            for kwargs in ({}, {"data": b"x", "headers": {"Content-Type": "text/plain"}}):
                r = session.request(method.upper(), base + path, timeout=30, **kwargs)
                assert r.status_code == 405, (method, path, r.status_code, r.text)
                assert r.headers["Content-Type"] == "application/problem+json" and r.headers["Allow"]
                assert r.json()["type"] == "/problems/method-not-allowed"
