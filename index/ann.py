"""Which FAISS index holds the passage vectors, and how it is searched: exact (flat) up to a
size, approximate (IVF or HNSW) past it.

Pure functions over numpy arrays and FAISS indexes; nothing here reads settings or files. The
vectors are L2-normalised float32 rows (what `Embedder.encode` returns), so inner product is
cosine and every index here uses the inner-product metric.

    kind = choose_kind(n_passages, configured="auto")        # "flat" up to DEFAULT_EXACT_MAX (50k), then "ivf"
    index = build_faiss_index(vectors, kind)                  # trained (IVF) and filled
    set_search_params(index, nprobe=32)                       # or tune_search_param(...) first
    params = search_parameters(index, selector)               # a filtered search keeps nprobe / efSearch

Two things the rest of the service relies on and that approximate indexes do not give for free:

- `index.reconstruct(row)` (the verifier reads stored vectors back): an IVF index needs a
  direct map for it, which `build_faiss_index` makes by default (8 bytes per vector);
  HNSW-Flat and flat indexes reconstruct from their storage.
- A search with `params=` (the source filter, `IDSelectorBatch`) takes nprobe / efSearch from
  the parameter object, not from the index: `faiss.SearchParametersIVF()` defaults to
  nprobe=1. `search_parameters(index, selector)` builds the right object with the index's own
  setting.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Sequence

import faiss
import numpy as np

KINDS = ("flat", "ivf", "hnsw")
CONFIGURABLE = ("auto",) + KINDS
# Up to this many passages "auto" keeps exact search. `python -m bench.run --parts scale`
# measures flat search against IVF at each size: on the 2-core machine (busy at the time) one
# query with one thread took 0.26 ms at 10k vectors (d=384, 15 MB, cache-resident) but 3.2 ms
# at 50k (73 MB, memory-bound), and grows linearly from there (tens of ms at 1M, more than the
# rest of a cache miss), while IVF at recall@10 >= 0.95 stays well under 1 ms.
DEFAULT_EXACT_MAX = 50_000
# Fewer training points per IVF list than this and k-means centroids get noisy (FAISS warns
# below 39); more only lengthens training.
IVF_TRAIN_POINTS_PER_LIST = 40


def choose_kind(n_passages: int, configured: str = "auto", exact_max: int = DEFAULT_EXACT_MAX) -> str:
    """The index kind for a corpus of `n_passages`.

    configured: "flat", "ivf" or "hnsw" are used as given (an IVF needs at least one training
        point per list, so below 2 passages "ivf" falls back to "flat"); "auto" is "flat" up to
        `exact_max` passages inclusive and "ivf" above.
    """
    if n_passages < 0:
        raise ValueError("n_passages must be >= 0")
    if configured not in CONFIGURABLE:
        raise ValueError(f"index kind {configured!r}: expected one of {', '.join(CONFIGURABLE)}")
    if configured == "auto":
        return "flat" if n_passages <= exact_max else "ivf"
    if configured == "ivf" and n_passages < 2:
        return "flat"
    return configured


def default_nlist(n_vectors: int) -> int:
    """IVF lists for n vectors: about 4 * sqrt(n) (10k -> 400, 100k -> 1265, 1M -> 4000), never
    more than n / IVF_TRAIN_POINTS_PER_LIST (so the training sample can fill every list), at least 1."""
    if n_vectors < 1:
        raise ValueError("n_vectors must be >= 1")
    return max(1, min(int(round(4 * math.sqrt(n_vectors))), n_vectors // IVF_TRAIN_POINTS_PER_LIST))


def _as_matrix(vectors: np.ndarray) -> np.ndarray:
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 1:
        raise ValueError(f"vectors must be a non-empty 2-D array, got shape {getattr(vectors, 'shape', None)}")
    return x


def build_faiss_index(vectors: np.ndarray, kind: str = "flat", *, nlist: int | None = None,
                      train_size: int | None = None, train_iterations: int = 10, direct_map: bool = True,
                      hnsw_m: int = 32, ef_construction: int = 40, nprobe: int | None = None,
                      ef_search: int | None = None, seed: int = 1234) -> faiss.Index:
    """A filled FAISS index over `vectors` (n x d, float32, L2-normalised rows), inner-product metric.

    kind: "flat" (IndexFlatIP, exact), "ivf" (IndexIVFFlat over a flat inner-product quantizer)
        or "hnsw" (IndexHNSWFlat, METRIC_INNER_PRODUCT).
    nlist: IVF lists (default `default_nlist(n)`).
    train_size: IVF training sample, drawn at random without replacement (default
        IVF_TRAIN_POINTS_PER_LIST * nlist, at most n); training time grows with it times nlist.
    train_iterations: k-means iterations of the IVF training (FAISS's default for IVF is 10).
    direct_map: IVF only: keep a row -> list map so `index.reconstruct(row)` works.
    hnsw_m: HNSW neighbours per node (memory: about 2 * hnsw_m * 4 bytes per vector beyond the vector).
    ef_construction: HNSW build-time search depth (higher: better graph, slower build).
    nprobe / ef_search: the initial search setting (see `set_search_params`); IVF defaults to
        nprobe=1 and HNSW to efSearch=16 if not given, which is usually too low for recall.
    seed: the training sample and k-means seed, so a build is reproducible.

    Row i of `vectors` is id i in the index, as with the flat index the service builds now.
    """
    x = _as_matrix(vectors)
    n, d = x.shape
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
        index.add(x)
        return index
    if kind == "ivf":
        lists = nlist or default_nlist(n)
        if not 1 <= lists <= n:
            raise ValueError(f"nlist={lists}: expected 1..{n} (one training point per list at least)")
        quantizer = faiss.IndexFlatIP(d)
        index = faiss.IndexIVFFlat(quantizer, d, lists, faiss.METRIC_INNER_PRODUCT)  # keeps a reference to it
        index.cp.niter = int(train_iterations)
        index.cp.seed = int(seed)
        index.cp.max_points_per_centroid = max(IVF_TRAIN_POINTS_PER_LIST, 256)
        size = min(n, train_size or IVF_TRAIN_POINTS_PER_LIST * lists)
        if size < lists:
            raise ValueError(f"train_size={size}: fewer training points than nlist={lists}")
        sample = x if size == n else x[np.sort(np.random.default_rng(seed).choice(n, size, replace=False))]
        index.train(sample)
        index.add(x)
        if direct_map:
            index.make_direct_map()
        set_search_params(index, nprobe=nprobe or 1)
        return index
    if kind == "hnsw":
        if hnsw_m < 2:
            raise ValueError("hnsw_m must be >= 2")
        index = faiss.IndexHNSWFlat(d, int(hnsw_m), faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = int(ef_construction)
        index.add(x)
        set_search_params(index, ef_search=ef_search or 16)
        return index
    raise ValueError(f"index kind {kind!r}: expected one of {', '.join(KINDS)}")


def kind_of(index: faiss.Index) -> str:
    """"flat", "ivf" or "hnsw" for an index built here (or read back with faiss.read_index)."""
    index = faiss.downcast_index(index)
    if isinstance(index, faiss.IndexHNSW):
        return "hnsw"
    if isinstance(index, faiss.IndexIVF):
        return "ivf"
    if isinstance(index, faiss.IndexFlat):
        return "flat"
    raise TypeError(f"unsupported FAISS index {type(index).__name__}")


def set_search_params(index: faiss.Index, nprobe: int | None = None, ef_search: int | None = None) -> dict:
    """Set how deep an approximate index searches; returns the settings now in force.

    nprobe: IVF lists visited per query (1..nlist; clamped to nlist). Ignored for other kinds.
    ef_search: HNSW candidate list size per query (>= k gives k results). Ignored for other kinds.
    A flat index has nothing to set and returns {}.
    """
    index = faiss.downcast_index(index)
    kind = kind_of(index)
    if kind == "ivf":
        if nprobe is not None:
            if nprobe < 1:
                raise ValueError("nprobe must be >= 1")
            index.nprobe = int(min(nprobe, index.nlist))
        return {"nprobe": int(index.nprobe)}
    if kind == "hnsw":
        if ef_search is not None:
            if ef_search < 1:
                raise ValueError("ef_search must be >= 1")
            index.hnsw.efSearch = int(ef_search)
        return {"ef_search": int(index.hnsw.efSearch)}
    return {}


def search_parameters(index: faiss.Index, selector: faiss.IDSelector | None = None) -> faiss.SearchParameters:
    """Parameters for `index.search(x, k, params=...)` with an optional id selector that keep
    the index's own nprobe / efSearch (a bare SearchParametersIVF would search 1 list)."""
    index = faiss.downcast_index(index)
    kind = kind_of(index)
    if kind == "ivf":
        params = faiss.SearchParametersIVF(nprobe=int(index.nprobe))
    elif kind == "hnsw":
        params = faiss.SearchParametersHNSW(efSearch=int(index.hnsw.efSearch))
    else:
        params = faiss.SearchParameters()
    if selector is not None:
        params.sel = selector
    return params


@dataclass(frozen=True)
class IndexInfo:
    kind: str
    ntotal: int
    dimension: int
    nlist: int | None = None
    nprobe: int | None = None
    hnsw_m: int | None = None
    ef_search: int | None = None
    ef_construction: int | None = None
    approx_bytes: int = 0      # vectors plus the structure around them (lists, ids, graph), estimated


def index_info(index: faiss.Index) -> dict:
    """What an index is, as plain data (for meta.json and reports)."""
    index = faiss.downcast_index(index)
    kind = kind_of(index)
    n, d = int(index.ntotal), int(index.d)
    if kind == "ivf":
        direct = 8 * n if index.direct_map.type != faiss.DirectMap.NoMap else 0
        info = IndexInfo(kind, n, d, nlist=int(index.nlist), nprobe=int(index.nprobe),
                         approx_bytes=n * (4 * d + 8) + 4 * d * int(index.nlist) + direct)
    elif kind == "hnsw":
        m = int(index.hnsw.nb_neighbors(1))  # neighbours per node above level 0
        info = IndexInfo(kind, n, d, hnsw_m=m, ef_search=int(index.hnsw.efSearch),
                         ef_construction=int(index.hnsw.efConstruction),
                         approx_bytes=n * 4 * d + int(index.hnsw.neighbors.size()) * 4 + n * 8 * 2)
    else:
        info = IndexInfo(kind, n, d, approx_bytes=n * 4 * d)
    return asdict(info)


def recall_at_k(exact_ids: np.ndarray, approx_ids: np.ndarray, k: int = 10) -> float:
    """Mean over queries of |approx top-k & exact top-k| / k (ids < 0, FAISS's "no result", never match).

    exact_ids, approx_ids: (queries x >= k) id arrays from exact and approximate search."""
    exact_ids, approx_ids = np.asarray(exact_ids), np.asarray(approx_ids)
    if exact_ids.shape[0] != approx_ids.shape[0] or min(exact_ids.shape[1], approx_ids.shape[1]) < k or k < 1:
        raise ValueError("need the same number of queries and at least k ids per query from both searches")
    hits = 0
    for e, a in zip(exact_ids[:, :k], approx_ids[:, :k]):
        hits += len(set(e[e >= 0].tolist()) & set(a[a >= 0].tolist()))
    return hits / (k * exact_ids.shape[0])


def search_setting_candidates(index: faiss.Index) -> list[int]:
    """The nprobe (IVF) or efSearch (HNSW) values `tune_search_param` tries, in increasing order."""
    index = faiss.downcast_index(index)
    kind = kind_of(index)
    steps = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048]
    if kind == "ivf":
        nlist = int(index.nlist)
        return sorted({min(nlist, v) for v in steps})
    if kind == "hnsw":
        return [v for v in steps if v >= 16]
    return []


def tune_search_param(index: faiss.Index, queries: np.ndarray, exact_ids: np.ndarray, *, k: int = 10,
                      target_recall: float = 0.95, margin: float = 0.0,
                      candidates: Sequence[int] | None = None) -> dict:
    """The smallest nprobe / efSearch whose recall@k on `queries` against `exact_ids` (from
    exact search of the same vectors) reaches `target_recall + margin`; the index is left set
    to it (or to the largest candidate, if none reaches it). A margin covers the difference
    between the tuning queries and the queries the index will see: check recall on others.

    Returns {"param": "nprobe"|"ef_search"|None, "value", "recall", "reached": bool,
    "curve": [{"value", "recall"}, ...]} as plain data.
    """
    kind = kind_of(index)
    if kind == "flat":
        return {"param": None, "value": None, "recall": 1.0, "reached": True, "curve": []}
    param = "nprobe" if kind == "ivf" else "ef_search"
    q = _as_matrix(queries)
    curve = []
    chosen = None
    for value in (candidates or search_setting_candidates(index)):
        set_search_params(index, **{param: max(value, k) if param == "ef_search" else value})
        _, ids = index.search(q, k)
        r = recall_at_k(exact_ids, ids, k)
        curve.append({"value": int(value), "recall": round(r, 4)})
        if r >= target_recall + margin:
            chosen = (value, r)
            break
    reached = chosen is not None
    value, r = chosen if reached else (curve[-1]["value"], curve[-1]["recall"])
    set_search_params(index, **{param: max(value, k) if param == "ef_search" else value})
    return {"param": param, "value": int(value), "recall": round(float(r), 4), "reached": reached, "curve": curve}
