"""Shared helpers: percentiles, process memory and CPU from /proc, machine facts, the table."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import shutil
import subprocess
import time
from pathlib import Path
from typing import Iterable

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("torch", "sentence-transformers", "transformers", "onnxruntime", "faiss-cpu", "numpy", "flask",
            "flask-smorest", "marshmallow", "gunicorn", "redis", "bm25s", "tokenizers")


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000.0, 3)


def summary_ms(samples: Iterable[float]) -> dict:
    """Percentiles of latencies given in seconds, reported in milliseconds."""
    x = np.asarray(list(samples), dtype=np.float64)
    if x.size == 0:
        return {"n": 0}
    p = np.percentile(x, [50, 90, 95, 99]) * 1000.0
    return {"n": int(x.size), "p50_ms": round(p[0], 3), "p90_ms": round(p[1], 3), "p95_ms": round(p[2], 3),
            "p99_ms": round(p[3], 3), "mean_ms": round(x.mean() * 1000.0, 3), "min_ms": round(x.min() * 1000.0, 3),
            "max_ms": round(x.max() * 1000.0, 3)}


def timed(fn, reps: int, warmup: int = 3) -> list[float]:
    """Seconds per call of fn(i) for i in range(reps), after `warmup` untimed calls."""
    for i in range(warmup):
        fn(i)
    out = []
    for i in range(reps):
        t0 = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - t0)
    return out


def rss_bytes(pid: int | str = "self") -> int | None:
    """Resident set size of a process (VmRSS), or None if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return None


def pss_bytes(pid: int | str) -> int | None:
    """Proportional set size (shared pages split between the processes sharing them)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """Direct child processes of pid."""
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            pass
    return sorted(set(out))


def loadavg() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def _version(pkg: str) -> str | None:
    try:
        return importlib.metadata.version(pkg)
    except importlib.metadata.PackageNotFoundError:
        return None


def _git(*args: str) -> str | None:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10,
                              check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def machine_info() -> dict:
    wrk = shutil.which("wrk")
    wrk_version = None
    if wrk:
        out = subprocess.run([wrk, "--version"], capture_output=True, text=True).stdout
        wrk_version = out.split("[")[0].strip() or None
    status = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "date_utc": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cores": os.cpu_count(), "cores_usable": len(os.sched_getaffinity(0)), "cpu_model": _cpu_model(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1),
        "kernel": platform.release(), "python": platform.python_version(),
        "packages": {p: _version(p) for p in PACKAGES},
        "wrk": wrk_version,
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty_files": status.splitlines() if status else [],
        "loadavg_at_start": loadavg(),
    }


def ratio(value: float | None, floor: float | None, digits: int = 2) -> float | None:
    if value is None or not floor:
        return None
    return round(value / floor, digits)


class Table:
    """Rows of (part, metric, value, floor, ratio, target, pass) for the printed table and the JSON."""

    def __init__(self):
        self.rows: list[dict] = []

    def add(self, part: str, metric: str, value, unit: str = "", floor=None, ratio_=None, target: str = "",
            ok: bool | None = None, note: str = "") -> None:
        self.rows.append({"part": part, "metric": metric, "value": value, "unit": unit, "floor": floor,
                          "ratio": ratio_, "target": target, "pass": ok, "note": note})

    def render(self) -> str:
        def fmt(v) -> str:
            if v is None:
                return "-"
            if isinstance(v, float):
                return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"
            if isinstance(v, int):
                return f"{v:,}"
            return str(v)

        head = ["part", "metric", "value", "floor", "ratio", "target", "pass"]
        lines = [[r["part"], r["metric"], f"{fmt(r['value'])} {r['unit']}".strip(),
                  f"{fmt(r['floor'])} {r['unit']}".strip() if r["floor"] is not None else "-",
                  fmt(r["ratio"]) + ("x" if r["ratio"] is not None else ""), r["target"] or "",
                  {True: "PASS", False: "FAIL", None: ""}[r["pass"]]] for r in self.rows]
        widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h) for i, h in enumerate(head)]
        out = ["  ".join(h.ljust(w) for h, w in zip(head, widths)), "  ".join("-" * w for w in widths)]
        out += ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in lines]
        return "\n".join(out)
