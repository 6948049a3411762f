"""Every kind of bad input gets a 4xx application/problem+json with a useful detail."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

J = "application/json"
LONG = "x" * 1001
CASES = [
    # (name, method, path, body bytes or None, content type, expected status)
    ("malformed JSON", "POST", "/verify", b'{"claim": ', J, 400),
    ("invalid UTF-8", "POST", "/verify", b'{"claim": "\xff\xfe"}', J, 400),
    ("body is an array", "POST", "/verify", b'["a claim"]', J, 422),
    ("body is a string", "POST", "/verify", b'"a claim"', J, 422),
    ("empty body", "POST", "/verify", b"", J, 400),
    ("claim missing", "POST", "/verify", b"{}", J, 422),
    ("claim empty", "POST", "/verify", b'{"claim": ""}', J, 422),
    ("claim only whitespace", "POST", "/verify", b'{"claim": " \\n\\t "}', J, 422),
    ("claim over 1000 characters", "POST", "/verify", json.dumps({"claim": LONG}).encode(), J, 422),
    ("claim a number", "POST", "/verify", b'{"claim": 42}', J, 422),
    ("claim null", "POST", "/verify", b'{"claim": null}', J, 422),
    ("claim a list", "POST", "/verify", b'{"claim": ["a"]}', J, 422),
    ("top_k zero", "POST", "/verify", b'{"claim": "a", "top_k": 0}', J, 422),
    ("top_k negative", "POST", "/verify", b'{"claim": "a", "top_k": -1}', J, 422),
    ("top_k too large", "POST", "/verify", b'{"claim": "a", "top_k": 1000000000}', J, 422),
    ("top_k a string", "POST", "/verify", b'{"claim": "a", "top_k": "5"}', J, 422),
    ("top_k a float", "POST", "/verify", b'{"claim": "a", "top_k": 1.5}', J, 422),
    ("top_k a boolean", "POST", "/verify", b'{"claim": "a", "top_k": true}', J, 422),
    ("unknown field", "POST", "/verify", b'{"claim": "a", "topk": 5}', J, 422),
    ("unknown source id", "POST", "/verify", b'{"claim": "a", "sources": ["no_such_source"]}', J, 422),
    ("source id with path traversal", "POST", "/verify", b'{"claim": "a", "sources": ["../../etc/passwd"]}', J, 422),
    ("sources not a list", "POST", "/verify", b'{"claim": "a", "sources": "001_586925bde384db7a"}', J, 422),
    ("sources empty", "POST", "/verify", b'{"claim": "a", "sources": []}', J, 422),
    ("text/plain body", "POST", "/verify", b'{"claim": "a"}', "text/plain", 415),
    ("form body", "POST", "/verify", b"claim=a", "application/x-www-form-urlencoded", 415),
    ("no content type", "POST", "/verify", b'{"claim": "a"}', None, 415),
    ("body over the size limit", "POST", "/verify", json.dumps({"claim": "a" * 300_000}).encode(), J, 413),
    ("GET on /verify", "GET", "/verify", None, None, 405),
    ("batch claims missing", "POST", "/verify/batch", b"{}", J, 422),
    ("batch claims empty", "POST", "/verify/batch", b'{"claims": []}', J, 422),
    ("batch claims not a list", "POST", "/verify/batch", b'{"claims": "a"}', J, 422),
    ("batch with an empty claim", "POST", "/verify/batch", b'{"claims": ["a", "  "]}', J, 422),
    ("batch over the claim limit", "POST", "/verify/batch", json.dumps({"claims": ["a"] * 101}).encode(), J, 422),
    ("claim with a lone surrogate", "POST", "/verify", b'{"claim": "\\ud800 300 soldiers"}', J, 422),
    ("integer of 5001 digits", "POST", "/verify", b'{"claim": "a", "top_k": 1' + b"0" * 5000 + b"}", J, 400),
    ("JSON nested 100,000 deep", "POST", "/verify", b'{"claim": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", J, 400),
    ("charset other than UTF-8", "POST", "/verify", '{"claim": "caf\u00e9"}'.encode("latin-1"), J + "; charset=latin-1", 415),
    ("another +json type", "POST", "/verify", b'{"claim": "a"}', "application/merge-patch+json", 415),
    ("unknown source", "GET", "/sources/no_such_source", None, None, 404),
    ("unknown path", "GET", "/no/such/path", None, None, 404),
    ("a claim of 10 MB", "POST", "/verify", json.dumps({"claim": "a" * 10_000_000}).encode(), J, 413),
    ("an array of a million claims", "POST", "/verify/batch", b'{"claims": [' + b'"a",' * 999_999 + b'"a"]}', J, 413),
    ("a batch of 10,000 claims", "POST", "/verify/batch", json.dumps({"claims": ["a claim"] * 10_000}).encode(), J, 422),
    ("claim with a NUL character", "POST", "/verify", b'{"claim": "Russian\\u0000 strikes killed 300"}', J, 422),
    ("claim of terminal escapes", "POST", "/verify", b'{"claim": "\\u001b[31m\\u0007 300 killed"}', J, 422),
    ("claim of zero-width spaces only", "POST", "/verify", b'{"claim": "\\u200b\\u200b\\u200b"}', J, 422),
    ("claim of punctuation only", "POST", "/verify", b'{"claim": "?!... --"}', J, 422),
    ("batch with a control character", "POST", "/verify/batch", b'{"claims": ["a", "b\\u0008"]}', J, 422),
    ("a key given twice", "POST", "/verify", b'{"claim": "a", "claim": "Russian strikes killed 300"}', J, 400),
    ("NaN for top_k", "POST", "/verify", b'{"claim": "a", "top_k": NaN}', J, 400),
    ("Infinity for top_k", "POST", "/verify", b'{"claim": "a", "top_k": Infinity}', J, 400),
    ("1e309 for top_k", "POST", "/verify", b'{"claim": "a", "top_k": 1e309}', J, 422),
    ("top_k a string of digits", "POST", "/verify", b'{"claim": "a", "top_k": "05"}', J, 422),
    ("PUT on /verify", "PUT", "/verify", b'{"claim": "a"}', J, 405),
    ("DELETE on /verify/batch", "DELETE", "/verify/batch", None, None, 405),
    ("POST on /sources", "POST", "/sources", b'{}', J, 405),
    ("path traversal in a source id", "GET", "/sources/..%2F..%2Fetc%2Fpasswd", None, None, 404),
    ("encoded NUL in a source id", "GET", "/sources/abc%00def", None, None, 404),
    ("multipart body", "POST", "/verify", b"--x\r\nContent-Disposition: form-data; name=claim\r\n\r\na\r\n--x--",
     "multipart/form-data; boundary=x", 415),
]


@pytest.mark.parametrize("name,method,path,body,ctype,status", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_a_4xx_problem(client, name, method, path, body, ctype, status):
    headers = {"Content-Type": ctype} if ctype else {}
    r = client.open(path, method=method, data=body, headers=headers)
    assert r.status_code == status, r.get_data(as_text=True)
    assert r.content_type == "application/problem+json"
    problem = r.get_json()
    assert problem["status"] == status and problem["title"] and problem["instance"] == unquote(path)
    assert problem["type"].startswith("/problems/") and len(problem["detail"]) > 10


def test_there_are_at_least_thirty_kinds():
    assert len(CASES) >= 30


# Unusual but valid input: answered (200), never an error.
VALID = [
    ("emoji", "Russian strikes 🚀🔥 killed about 300 terrorists"),
    ("right-to-left script", "قتلت الغارات الروسية 300 إرهابي"),
    ("a right-to-left override mark", "\u202eRussian strikes killed about 300 terrorists"),
    ("tabs and line breaks inside", "Russian strikes\tkilled\nabout 300 terrorists"),
    ("mathematical bold letters", "𝐑𝐮𝐬𝐬𝐢𝐚𝐧 strikes killed about 300 terrorists"),
    ("exactly 1000 characters", ("Russian strikes killed about 300 terrorists. " * 30)[:1000]),
    ("a figure with 400 digits", "Russian strikes killed " + "9" * 400 + " terrorists"),
]


@pytest.mark.parametrize("name,claim", VALID, ids=[v[0] for v in VALID])
def test_unusual_valid_claims_are_answered(client, name, claim):
    r = client.post("/verify", json={"claim": claim})
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["verdict"] in ("SUPPORTED", "REFUTED", "CONFLICTING", "NOT_ENOUGH_INFO")


def test_duplicate_claims_in_a_batch_are_answered_each_in_order(client):
    claims = ["Russian strikes killed about 300 terrorists", "Tesla opened a factory in Berlin",
              "Russian strikes killed about 300 terrorists"]
    r = client.post("/verify/batch", json={"claims": claims})
    assert r.status_code == 200
    results = r.get_json()["results"]
    assert [x["claim"] for x in results] == claims
    assert results[0]["verdict"] == results[2]["verdict"] == "SUPPORTED"
    assert results[0]["evidence"] == results[2]["evidence"]


def test_a_body_over_the_limit_names_the_limit(client):
    r = client.post("/verify", data=json.dumps({"claim": "a" * 10_000_000}), content_type=J)
    assert r.status_code == 413 and "262144-byte limit" in r.get_json()["detail"]


def test_validation_problem_names_the_field(client):
    body = client.post("/verify", json={"claim": "a", "top_k": 0}).get_json()
    assert "top_k" in body["detail"] and "top_k" in body["errors"]["json"]


def test_unknown_sources_are_listed(client):
    body = client.post("/verify", json={"claim": "a", "sources": ["x1", "001_586925bde384db7a", "x2"]}).get_json()
    assert body["errors"]["json"]["sources"] == ["unknown source id: x1", "unknown source id: x2"]


def test_method_not_allowed_says_what_is(client):
    r = client.get("/verify")
    assert r.headers["Allow"] and "POST" in r.headers["Allow"]


def test_a_huge_number_in_a_claim_is_no_figure_and_valid_json(client):
    r = client.post("/verify", json={"claim": "nearly " + "9" * 320 + " terrorists were killed"})
    assert r.status_code == 200
    body = r.get_data(as_text=True)
    assert "Infinity" not in body and "NaN" not in body
    assert r.get_json()["claim_figures"] == []


def test_figures_per_claim_are_bounded(client):
    r = client.post("/verify/batch", json={"claims": [" ".join(["2 1"] * 240)] * 3})
    assert r.status_code == 200
    assert all(len(x["claim_figures"]) == 64 for x in r.get_json()["results"])
