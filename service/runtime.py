"""The per-process engine: model, index, stance scorer and cache, and their readiness.

Creating an `Engine` is cheap and checks the settings; `warm_up()` loads the model, finds or
builds the index for the configured corpus and loads it. Under gunicorn this runs in each
worker after the fork (an encoder must not be loaded in the master), in a background thread, so
`/health` answers at once and `/ready` says what has loaded.

Index swaps are atomic per request: a request takes one `Verifier` (index, scorer) and keeps it
to the end. When `CURRENT` names another index (a rebuild by `POST /operator/reindex` in any
worker, or by the CLI), each worker loads it beside the old one and swaps the reference.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Sequence

from index.build import CURRENT, build_index, read_current
from index.store import IndexLoadError, IndexStore
from models.embedder import make_embedder
from models.lexicon import WordNetLexicon
from models.stance import CrossEncoderStanceScorer, ExplicitStanceScorer
from models.verifier import Verifier
from service.cache import MemoryCache, RedisCache, ResultCache, cache_key
from service.settings import Settings

log = logging.getLogger(__name__)


class NotReady(RuntimeError):
    pass


class Engine:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.embedder = make_embedder(settings.encoder, settings.model_path, settings.onnx_model_path,
                                      name=settings.model_name, threads=settings.encoder_threads)
        self.cache: ResultCache = (
            RedisCache(settings.redis_url, settings.cache_ttl_seconds, settings.redis_retry_seconds)
            if settings.redis_url else MemoryCache(settings.cache_max_entries, settings.cache_ttl_seconds,
                                                  settings.cache_max_mb << 20))
        self.verifier: Verifier | None = None
        # Built here, so a folder that is not WordNet's stops the start; read in the warm-up.
        self._lexicon = WordNetLexicon(settings.wordnet_dir) if settings.wordnet_dir else None
        self.state = "starting"
        self.error: str | None = None
        self.warm_up_seconds: float | None = None
        self._lock = threading.Lock()
        self._settled = threading.Event()  # set when the warm-up has ended, ready or failed
        self._swap_lock = threading.Lock()
        self._current_stamp: tuple | None = None  # (mtime_ns, size, inode) of CURRENT when last read

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def warm_up(self) -> None:
        with self._lock:
            if self.state == "ready":
                return
            self.state = "loading"
            t0 = time.perf_counter()
            try:
                s = self.settings
                self.embedder.warm_up()
                if s.build_index_on_start:
                    result = build_index(s.corpus_dir, s.index_dir, self.embedder, index_kind=s.faiss_index)
                    log.info("index %s: %s passages (%s)", result.index_version, result.passages,
                             "built" if result.built else "found")
                self._current_stamp = self._stamp()
                self.verifier = self._load_verifier(None)  # the index CURRENT names
                self.embedder.encode(["warm up"])  # the first encode pays one-off costs
                store = self.verifier.store
            except Exception as e:  # reported by /ready and logged; never turned into answers
                self.state, self.error = "failed", f"{type(e).__name__}: {e}"
                log.exception("warm-up failed")
                self._settled.set()
                return
            self.warm_up_seconds = round(time.perf_counter() - t0, 3)
            self.state = "ready"
            self._settled.set()
            log.info("ready in %.1fs (index %s)", self.warm_up_seconds, store.version)

    def _load_verifier(self, version: str | None) -> Verifier:
        s = self.settings
        version = version or read_current(s.index_dir)
        meta_path = s.index_dir / (version or "") / "meta.json"
        try:  # checked before the whole index is read and checksummed
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = None  # IndexStore.load says what is wrong with the file
        if meta is not None and meta.get("encoder_fingerprint") != self.embedder.fingerprint():
            raise IndexLoadError(f"{meta_path}: the index was built with another encoder ({meta.get('model')}); "
                                 f"this service encodes with {self.embedder.name}. Rebuild it: python -m index build")
        store = IndexStore.load(s.index_dir, version, nprobe=s.faiss_nprobe, ef_search=s.faiss_ef_search)
        explicit = ExplicitStanceScorer.from_lexicon(store.meta, lexicon=self._lexicon)
        scorer = CrossEncoderStanceScorer(s.stance_model_path, explicit) if s.stance_model_path else explicit
        scorer.warm_up()
        verifier = Verifier(store, self.embedder, scorer)
        verifier.retriever.warm_up()
        return verifier

    def _stamp(self) -> tuple | None:
        try:
            st = (self.settings.index_dir / CURRENT).stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size, st.st_ino

    def follow_current(self, wait: bool = False) -> None:
        """Swap to the index `CURRENT` names if it is not the one loaded. Costs one stat() when
        nothing changed. The new index loads beside the old one: other requests go on with the
        old one meanwhile (they do not wait for the lock unless `wait`). One that cannot be
        loaded is logged once and the old one kept until CURRENT changes again."""
        stamp = self._stamp()
        if stamp == self._current_stamp or self.verifier is None:
            return
        if not self._swap_lock.acquire(blocking=wait):
            return  # another thread is loading it
        try:
            stamp = self._stamp()  # read under the lock: a later change is seen by the next request
            if stamp == self._current_stamp:
                return
            version = read_current(self.settings.index_dir)
            if version and version != self.verifier.index_version:
                try:
                    verifier = self._load_verifier(version)
                except Exception as e:  # noqa: BLE001 - whatever fails, the index in use still works
                    log.error("index %s named by CURRENT cannot be loaded; still serving %s: %s",
                              version, self.verifier.index_version, e)
                    self._current_stamp = stamp  # not retried until CURRENT changes again
                    if wait:
                        raise
                    return
                log.info("index swapped: %s -> %s", self.verifier.index_version, version)
                self.verifier = verifier
            self._current_stamp = stamp
        finally:
            self._swap_lock.release()

    def reindex(self, force: bool = False) -> dict:
        """Rebuild the index of the configured corpus (a no-op when nothing changed, unless
        `force`), point CURRENT at it and swap to the index CURRENT names. Other workers follow
        CURRENT at their next request."""
        previous = self.require_verifier().index_version
        result = build_index(self.settings.corpus_dir, self.settings.index_dir, self.embedder, force=force,
                             index_kind=self.settings.faiss_index)
        self.follow_current(wait=True)  # raises, naming the file, if the new index cannot be loaded
        return {"index_version": self.verifier.index_version, "previous_index_version": previous,
                "passages": result.passages, "built": result.built, "seconds": round(result.seconds, 3)}

    def flush_cache(self) -> int:
        """Drop every cached answer of this service (its key prefix); the number removed."""
        return self.cache.clear(self.settings.cache_prefix)

    def start_warm_up(self) -> None:
        threading.Thread(target=self.warm_up, name="warm-up", daemon=True).start()

    def readiness(self) -> dict:
        v = self.verifier
        return {
            "status": "ready" if self.ready else self.state,
            "error": self.error,
            "model": {k: v for k, v in self.embedder.describe().items() if not k.endswith("path")},  # no paths to clients
            "index": {"loaded": v is not None, "index_version": v.index_version if v else None,
                      "passages": len(v.store.passages) if v else None, "sources": len(v.store.sources) if v else None},
            "stance_model": v.scorer.name if v else None,
            "cache": self.cache.status(),
            "warm_up_seconds": self.warm_up_seconds,
        }

    @property
    def alive(self) -> bool:
        """False once the warm-up has failed: the process will not become ready by itself."""
        return self.state != "failed"

    def require_verifier(self) -> Verifier:
        """The verifier, waiting up to `ready_wait_seconds` for a warm-up under way: a request
        that reaches a worker still loading (its sibling may already be ready) waits instead
        of failing."""
        if not self.ready and self.state in ("starting", "loading"):
            self._settled.wait(self.settings.ready_wait_seconds)
        if self.ready:
            self.follow_current()
        if not self.ready or self.verifier is None:
            if self.state == "failed":
                raise NotReady("the service failed to start: its model or index could not be loaded (see the log)")
            raise NotReady(f"the service is {self.state}: model and index are loading")
        return self.verifier

    def verify(self, claims: Sequence[str], top_k: int, sources: Sequence[str] | None,
               verifier: Verifier | None = None) -> list[dict]:
        """Results for `claims` in order, from the cache where possible; the misses are
        verified together (one batched encode) and stored. Duplicates are verified once.
        `verifier`: the one this request took (and checked its sources against), so that the
        whole request uses one index even if another is swapped in meanwhile."""
        verifier = verifier or self.require_verifier()
        keys = [cache_key(c, top_k, sources, verifier.answer_version, self.settings.cache_prefix) for c in claims]
        unique = list(dict.fromkeys(keys))
        cached = dict(zip(unique, self.cache.get_many(unique)))
        misses = [k for k in unique if cached[k] is None]
        claim_of = dict(zip(keys, claims))
        fresh = dict(zip(misses, verifier.verify_many([claim_of[k] for k in misses], top_k, sources)))
        if fresh:
            self.cache.set_many(fresh)
        out = []
        for k, claim in zip(keys, claims):
            if k in fresh:
                out.append({**fresh[k], "claim": claim, "cached": False})
            else:
                out.append({**cached[k], "claim": claim, "cached": True})
        return out
