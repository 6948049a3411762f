"""Scale: FAISS indexes over 10k, 100k and 1M passages, exact and approximate (index/ann.py).

Corpus. Passages are seed sentences recombined (bench/textgen.passages). Up to `real_max`
passages (10,000 by default) are embedded for real with the configured encoder, which also
measures its throughput. Embedding 1M sentences on 2 cores would take hours, so beyond the
real ones each vector is derived: normalise(a * v_p + (1 - a) * v_q + noise), with v_p, v_q
two real passage vectors picked at random, a uniform in [0.55, 0.9] and an isotropic Gaussian
noise of norm `noise` (0.25 by default) before normalising: a passage that mixes what two
real passages say, in the same region of the embedding space as the real ones. (On 3,000 real
passages, noise 0.25 kept the median cosine of a query's nearest passage and of a passage's
nearest neighbour within 0.02 of the real corpus's; more noise spreads the vectors out and
makes approximate search harder.) The JSON says which sizes hold derived vectors and reports
both cosines per size, so the derived corpora can be compared with the real one.

Queries are real claim vectors (bench/textgen.claims, shuffled, encoded by the same encoder):
one set (300) tunes nprobe / efSearch to recall@10 >= the target plus 0.02 against exact
search, a second, disjoint set (200) reports recall and latency with that setting. Single-query latency is measured with one
FAISS (OpenMP) thread, as one request in one gunicorn worker searches; builds and the exact
ground truth use every core.
"""

from __future__ import annotations

import gc
import os
import random
import time
from pathlib import Path

import faiss
import numpy as np

from bench.common import rss_bytes, summary_ms
from index import ann


def derive_vectors(real: np.ndarray, n: int, *, noise: float = 0.25, seed: int = 99, chunk: int = 100_000,
                   out: np.ndarray | None = None) -> np.ndarray:
    """n vectors derived from `real` (see the module doc), float32, L2-normalised rows, written
    into `out` (n x d) if given."""
    rng = np.random.default_rng(seed)
    if out is None:
        out = np.empty((n, real.shape[1]), dtype=np.float32)
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        p = rng.integers(0, len(real), m)
        q = rng.integers(0, len(real), m)
        a = rng.uniform(0.55, 0.9, (m, 1)).astype(np.float32)
        g = rng.standard_normal((m, real.shape[1])).astype(np.float32)
        g *= noise / np.linalg.norm(g, axis=1, keepdims=True)
        x = a * real[p] + (1 - a) * real[q] + g
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        out[start:start + m] = x
    return out


def _single_query_latency(index: faiss.Index, queries: np.ndarray, k: int, reps: int) -> dict:
    faiss.omp_set_num_threads(1)
    try:
        for q in queries[:5]:
            index.search(q[None, :], k)
        lat = []
        for i in range(reps):
            q = queries[i % len(queries)][None, :]
            t0 = time.perf_counter()
            index.search(q, k)
            lat.append(time.perf_counter() - t0)
    finally:
        faiss.omp_set_num_threads(os.cpu_count() or 1)
    return summary_ms(lat)


def _disk_bytes(index: faiss.Index, work_dir: Path) -> int:
    work_dir.mkdir(parents=True, exist_ok=True)
    path = work_dir / f"scale-{os.getpid()}.faiss"
    try:
        faiss.write_index(index, str(path))
        return path.stat().st_size
    finally:
        path.unlink(missing_ok=True)


def _measure_index(kind: str, x: np.ndarray, tune_q: np.ndarray, eval_q: np.ndarray, gt_tune: np.ndarray | None,
                   gt_eval: np.ndarray | None, work_dir: Path, k: int, target: float, latency_reps: int,
                   build_kwargs: dict, margin: float = 0.02) -> tuple[dict, faiss.Index]:
    gc.collect()
    rss0 = rss_bytes() or 0
    t0 = time.perf_counter()
    index = ann.build_faiss_index(x, kind, **build_kwargs)
    build_s = time.perf_counter() - t0
    rss1 = rss_bytes() or 0
    out = {"kind": kind, "build_s": round(build_s, 2), "rss_growth_mib": round((rss1 - rss0) / 2 ** 20, 1)}
    out["disk_mib"] = round(_disk_bytes(index, work_dir) / 2 ** 20, 1)
    if kind != "flat":
        tuned = ann.tune_search_param(index, tune_q, gt_tune, k=k, target_recall=target, margin=margin)
        _, ids = index.search(eval_q, k)
        out["tuning"] = tuned
        out["search_setting"] = {tuned["param"]: tuned["value"]}
        out["recall_at_10_tune_set"] = tuned["recall"]
        out["recall_at_10"] = round(ann.recall_at_k(gt_eval, ids, k), 4)
    else:
        out["recall_at_10"] = 1.0
    out["info"] = ann.index_info(index)
    out["mem_mib"] = round(out["info"]["approx_bytes"] / 2 ** 20, 1)  # computed from the structure
    out["query"] = _single_query_latency(index, eval_q, k, latency_reps)
    return out, index


def run_scale(embedder, sizes: list[int], *, real_max: int = 10_000, n_tune: int = 300, n_eval: int = 200,
              configured: str = "auto", exact_max: int = ann.DEFAULT_EXACT_MAX, extra_kinds: dict | None = None,
              k: int = 10, target_recall: float = 0.95, margin: float = 0.02, latency_reps: int = 300,
              flat_latency_reps_1m: int = 60, noise: float = 0.25, work_dir: Path, hnsw_m: int = 32,
              log=print) -> dict:
    """extra_kinds: {size: ["hnsw", ...]} approximate kinds measured besides the one
    `choose_kind` picks (for comparison); the picked kind is what the targets use."""
    from bench.textgen import claims, passages

    extra_kinds = extra_kinds or {}
    real_n = min(real_max, max(sizes))
    texts = passages(real_n)
    log(f"  scale: embedding {real_n} recombined passages for real ...")
    embedder.encode(texts[:32])
    t0 = time.perf_counter()
    real = np.vstack([embedder.encode(texts[i:i + 1000]) for i in range(0, real_n, 1000)])
    embed_s = time.perf_counter() - t0
    del texts
    qtexts = claims(n_tune + n_eval + 400, seed=4242)[400:]  # past the seed sentences and eval claims
    random.Random(4242).shuffle(qtexts)
    queries = embedder.encode(qtexts)
    tune_q, eval_q = np.ascontiguousarray(queries[:n_tune]), np.ascontiguousarray(queries[n_tune:])
    rate = real_n / embed_s
    result = {
        "corpus": {"real_passages": real_n, "generator": "bench/textgen.passages (seed sentences recombined)",
                   "derived_vectors": f"beyond {real_n}: normalise(a*v_p + (1-a)*v_q + noise), a~U(0.55,0.9), "
                                      f"v_p, v_q real passage vectors, Gaussian noise of norm {noise}",
                   "encode_passages_per_s": round(rate, 1), "encode_seconds": round(embed_s, 2),
                   "estimated_hours_to_embed_1M_at_this_rate": round(1e6 / rate / 3600, 2),
                   "encoder_threads": getattr(embedder, "threads", None) or "encoder default (every core)"},
        "queries": {"tune": n_tune, "eval": n_eval,
                    "source": "bench/textgen.claims(seed=4242) after the first 400, shuffled; real encodings"},
        "k": k, "target_recall": target_recall, "tuning_margin": margin, "configured_kind": configured, "exact_max": exact_max,
        "latency_threads": 1, "sizes": [],
    }
    for n in sizes:
        log(f"  scale: {n:,} passages ...")
        if n <= real_n:
            x = np.ascontiguousarray(real[:n])
            vectors = "real"
        else:
            x = np.empty((n, real.shape[1]), dtype=np.float32)
            x[:real_n] = real
            derive_vectors(real, n - real_n, noise=noise, seed=n, out=x[real_n:])
            vectors = f"{real_n} real + {n - real_n} derived"
        size = {"passages": n, "vectors": vectors, "vector_mib": round(x.nbytes / 2 ** 20, 1)}
        # exact: the reference for recall and the figure the targets compare with
        reps = latency_reps if n < 1_000_000 else flat_latency_reps_1m
        flat_res, flat = _measure_index("flat", x, tune_q, eval_q, None, None, work_dir, k, target_recall, reps, {})
        t0 = time.perf_counter()
        top1, gt_tune = flat.search(tune_q, k)
        _, gt_eval = flat.search(eval_q, k)
        flat_res["ground_truth_s"] = round(time.perf_counter() - t0, 2)
        size["query_top1_cosine_p50"] = round(float(np.median(top1[:, 0])), 4)
        # a passage's nearest other passage, for 300 passages of the derived part (else the real)
        pool = np.arange(real_n if n > real_n else 0, n)
        sample = np.random.default_rng(n).choice(pool, min(300, len(pool)), replace=False)
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        nn, _ = flat.search(np.ascontiguousarray(x[sample]), 2)
        size["passage_nn_cosine_p50"] = round(float(np.median(nn[:, 1])), 4)
        size["flat"] = flat_res
        del flat
        gc.collect()
        chosen = ann.choose_kind(n, configured, exact_max)
        size["chosen_kind"] = chosen
        kinds = [chosen] if chosen != "flat" else []
        kinds += [kd for kd in extra_kinds.get(n, []) if kd not in kinds and kd != "flat"]
        for kind in kinds:
            log(f"  scale: {n:,} passages, {kind} ...")
            kw = {"hnsw_m": hnsw_m} if kind == "hnsw" else {}
            res, index = _measure_index(kind, x, tune_q, eval_q, gt_tune, gt_eval, work_dir, k, target_recall,
                                        latency_reps, kw, margin)
            size[kind] = res
            del index
            gc.collect()
        result["sizes"].append(size)
        del x
        gc.collect()
    return result
