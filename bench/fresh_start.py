"""How long the README's first command takes from a fresh clone.

    python3 bench/fresh_start.py [--runs N] [--port P] [--json out.json]

Each run clones this repository into a temporary folder, times the one-time install
(`make .venv/bin/.installed`), then times `make run` until `/ready` answers 200 and until the
first `POST /verify` answers, and stops the server. Loopback only, bounded in time. Prints one
JSON line per run and a summary. Uses only the standard library, so it runs before any install.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_SECONDS = 600


def _get_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, ConnectionError, OSError):
        return None


def one_run(port: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True)
        t0 = time.perf_counter()
        subprocess.run(["make", "-s", ".venv/bin/.installed"], cwd=repo, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=LIMIT_SECONDS)
        installed = time.perf_counter() - t0
        t1 = time.perf_counter()
        server = subprocess.Popen(["make", "-s", "run", f"PORT={port}"], cwd=repo, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            while _get_status(base + "/ready") != 200:
                if time.perf_counter() - t1 > LIMIT_SECONDS or server.poll() is not None:
                    raise RuntimeError("the service did not become ready")
                time.sleep(0.2)
            ready = time.perf_counter() - t1
            req = urllib.request.Request(base + "/verify", method="POST", headers={"Content-Type": "application/json"},
                                         data=json.dumps({"claim": "Russian strikes killed about 300 terrorists"}).encode())
            with urllib.request.urlopen(req, timeout=120) as r:
                verdict = json.loads(r.read())["verdict"]
            first_verify = time.perf_counter() - t1
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
    return {"install_seconds": round(installed, 1), "start_to_ready_seconds": round(ready, 1),
            "start_to_first_verify_seconds": round(first_verify, 1),
            "clone_to_first_verify_seconds": round(installed + first_verify, 1), "verdict": verdict,
            "python_dont_write_bytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        runs.append(one_run(args.port))
        print(json.dumps(runs[-1]), flush=True)
    total = sorted(r["clone_to_first_verify_seconds"] for r in runs)
    summary = {"runs": len(runs), "cores": os.cpu_count(), "clone_to_first_verify_seconds": total}
    print(json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "summary": summary}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
