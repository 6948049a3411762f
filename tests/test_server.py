"""The service as `make run` starts it: gunicorn, workers loading the model after the fork."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, get_json


@pytest.fixture(scope="module")
def server(index_dir, engine):  # engine: the session index is built before gunicorn starts
    port = free_port()
    env = {**os.environ, "CLAIMVERIFY_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2",
           "CLAIMVERIFY_INDEX_DIR": str(index_dir), "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen([str(gunicorn), "-c", "service/gunicorn_conf.py", "service.wsgi:app"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while True:
            assert proc.poll() is None, proc.stdout.read()
            try:
                status, body = get_json(base + "/ready")
                if status == 200:
                    break
                assert body["checks"]["status"] in ("starting", "loading"), body
            except (urllib.error.URLError, ConnectionError):
                pass
            assert time.monotonic() - started < 120, "not ready within 120 s"
            time.sleep(0.25)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_gunicorn_serves_verify(server):
    req = urllib.request.Request(server + "/verify", method="POST", headers={"Content-Type": "application/json"},
                                 data=json.dumps({"claim": "Syrian media said nearly 10,000 terrorists were killed"}).encode())
    with urllib.request.urlopen(req, timeout=30) as r:
        body = json.loads(r.read())
    assert body["verdict"] == "REFUTED"


def test_gunicorn_problem_json_and_no_debug(server):
    req = urllib.request.Request(server + "/verify", method="POST", headers={"Content-Type": "application/json"},
                                 data=b"{not json")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 400 and err.value.headers["Content-Type"] == "application/problem+json"
    assert b"Traceback" not in err.value.read()


def test_requests_wait_for_a_worker_still_loading(index_dir, engine):
    # Start a fresh server and send claims at once: whichever worker takes them, still loading
    # or not, answers with a verdict, never a 503.
    port = free_port()
    env = {**os.environ, "CLAIMVERIFY_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2",
           "CLAIMVERIFY_INDEX_DIR": str(index_dir), "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "-c", "service/gunicorn_conf.py",
                             "service.wsgi:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:  # wait only until the port accepts connections, not until ready
            try:
                get_json(f"http://127.0.0.1:{port}/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline
                time.sleep(0.1)
        claims = ["Assad vowed to eliminate terrorists", "Iraq has opened its border with Syria",
                  "Syrian media said nearly 10,000 terrorists were killed", "Assad spoke by phone with Badra Gunba"]
        for claim, verdict in zip(claims, ["SUPPORTED", "REFUTED", "REFUTED", "SUPPORTED"]):
            req = urllib.request.Request(f"http://127.0.0.1:{port}/verify", method="POST",
                                         headers={"Content-Type": "application/json"},
                                         data=json.dumps({"claim": claim}).encode())
            with urllib.request.urlopen(req, timeout=90) as r:
                assert r.status == 200 and json.loads(r.read())["verdict"] == verdict
    finally:
        proc.terminate()
        proc.wait(timeout=30)
