"""Build the index: corpus -> sentences (offsets kept) -> analysis -> embeddings -> FAISS.

The result is a directory `<index_dir>/<index_version>/` holding `vectors.faiss`,
`passages.jsonl`, `sources.json` and, written last, `meta.json` with the sha256 of each file.
`index_version` hashes the corpus, the model files and this pipeline's own code and settings,
so any change to what an answer depends on gives a new version (and new cache keys).

Writes are atomic: everything goes to a temporary sibling directory that is renamed into
place, then the `CURRENT` pointer is replaced with `os.replace`. A crash at any point leaves
the previous index, and the pointer to it, untouched.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import bm25s
import faiss

from index import ann
from index.corpus import Source, load_corpus
from index.segment import segment_article
from models.analysis import analyse, antecedent_of, refers_back
from models.attribution import attribution_of
from models.embedder import Embedder
from models.text import CALENDAR_KEYS, STOPWORDS, content_keys, match_key, normalise_text, words

FORMAT = 1
CURRENT = "CURRENT"
FILES = ("vectors.faiss", "passages.jsonl", "sources.json", "bm25/params.index.json")  # must exist; all are checksummed
# The code whose behaviour is baked into a built index: change it and the version changes.
_PIPELINE_MODULES = ("index/segment.py", "index/build.py", "index/ann.py", "models/analysis.py", "models/attribution.py",
                     "models/figures.py", "models/text.py")
_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildResult:
    path: Path
    index_version: str
    passages: int
    built: bool          # False when an identical index already existed
    seconds: float


def pipeline_fingerprint() -> str:
    h = hashlib.sha256(f"format={FORMAT}".encode())
    for rel in _PIPELINE_MODULES:
        h.update(rel.encode())
        h.update((_ROOT / rel).read_bytes())
    return h.hexdigest()


def compute_index_version(sources: list[Source], model_fp: str, index_kind: str = "auto") -> str:
    h = hashlib.sha256(f"faiss={index_kind}".encode())
    for s in sources:
        h.update(json.dumps(s.metadata(), sort_keys=True).encode())
        h.update(s.sha256.encode())
    h.update(model_fp.encode())
    h.update(pipeline_fingerprint().encode())
    return h.hexdigest()[:16]


def passages_of(sources: list[Source]) -> list[dict]:
    """Every reporting sentence of every source, with its analysis, its attribution and, when
    it refers back ("It also said ...", "The strikes were ..."), the sentence it refers to:
    it is understood, embedded and matched with that one. Pure apart from CPU."""
    passages = []
    for s in sources:
        earlier: list[tuple[int, object, list[str]]] = []   # (index, sentence, keys), reporting sentences so far
        names_in_reach: dict[int, list[str]] = {}  # a sentence's names and those it refers back to
        own_names_of: dict[int, list[str]] = {}
        for i, sent in enumerate(segment_article(s.text)):
            if sent.boilerplate:
                continue
            a = analyse(sent.text)
            figures = []
            for f in a.figures:  # figure offsets become offsets into the source article
                d = f.to_dict()
                d["start"] += sent.char_start
                d["end"] += sent.char_start
                figures.append(d)
            antecedent = antecedent_of(sent.text, [(e[1].text, e[2]) for e in earlier[-2:]])
            context = None
            if antecedent is not None or (earlier and refers_back(sent.text)):
                # anaphoric: read with that sentence; otherwise the passage only refers back
                # ("in the country", "quoted him") and may borrow its names, not its predicates
                j, ante, ante_keys = earlier[-2:][antecedent] if antecedent is not None else earlier[-1]
                # A chain of references ("Assad said ..." / "..., he stated" / "The Syrian leader
                # said ...") reaches the names of the sentence the antecedent itself refers to.
                # A passage read as a whole with the sentence before keeps them apart
                # ("names_beyond"): they lend who and where, not the sentence's words.
                chained = [k for k in names_in_reach.get(j, ()) if k not in ante_keys]
                anaphoric = antecedent is not None
                context = {"sentence_index": j, "char_start": ante.char_start, "char_end": ante.char_end,
                           "text": ante.text, "anaphoric": anaphoric, "keys": ante_keys + ([] if anaphoric else chained),
                           "names_beyond": chained if anaphoric else []}
            # Its capitalised words, the first included ("Assad said ..."): a word capitalised
            # only as the first of its sentence lends nothing, since only a claim's names
            # (never a word the corpus writes in lower case) are looked up among them.
            own_names = [k for k in dict.fromkeys(match_key(n) for n in a.names) if k in a.keys]
            # one step further back only: a long chain ("he ... the country ... they") drifts
            inherited = own_names_of.get(context["sentence_index"], []) if context else []
            own_names_of[i] = own_names
            names_in_reach[i] = own_names + [k for k in inherited if k not in own_names]
            passages.append({
                "passage_id": f"{s.id}:{i}", "source_id": s.id, "sentence_index": i,
                "char_start": sent.char_start, "char_end": sent.char_end, "text": sent.text,
                "analysis": {**a.to_dict(), "figures": figures}, "context": context,
                "attribution": attribution_of(sent.text, earlier[-1][1].text if earlier else None),
            })
            earlier.append((i, sent, list(a.keys)))
    return passages


def lexical_tokens(text: str) -> list[str]:
    """BM25 terms: the same match keys the stance scorer uses (stemmed, stopwords dropped)."""
    return content_keys(normalise_text(text)) or ["<empty>"]


def embedding_text(passage: dict) -> str:
    """What is embedded: the sentence, preceded by the sentence it is read with, if any."""
    ctx = passage.get("context")
    return f"{ctx['text']} {passage['text']}" if ctx and ctx["anaphoric"] else passage["text"]


_ACRONYM = re.compile(r"((?:[A-Z][\w']*(?:[\s-]+(?:al|el|ad|of|the|and|de)?[\s-]*)){1,6}?)\s*\((?P<acr>[A-Z]{2,6})[),]")


def corpus_lexicon(passages: list[dict]) -> dict:
    """What the corpus itself says about its words: which are used in lower case (so a
    capitalised first word of a claim is a name only if the corpus never writes it in lower
    case), and which acronyms it defines ("Hayat Tahrir al-Sham (HTS)")."""
    common: set[str] = set()
    aliases: dict[str, list[str]] = {}
    for p in passages:
        norm = normalise_text(p["text"])
        for w, start, _ in words(norm):
            if w[0].islower():
                common.add(match_key(w))
        for m in _ACRONYM.finditer(norm):
            acronym = m.group("acr")
            capitals = re.findall(r"[A-Z][\w']*", m.group(1))[-len(acronym):]
            if "".join(w[0] for w in capitals) != acronym or acronym.lower() in STOPWORDS:
                continue  # only a definition whose initials spell the acronym
            key = match_key(acronym)
            aliases[key] = sorted(set(aliases.get(key, [])) | {match_key(w) for w in capitals})
    for key, expansion in _acronyms_spelled_out(passages, common).items():
        aliases.setdefault(key, expansion)
    return {"common_keys": sorted(common), "aliases": aliases, "name_kinds": name_kinds(passages, common)}


# the last words of names of bodies, which an acronym names ("Council", "Agency", "Court")
_BODIES = frozenset(match_key(w) for w in """council agency army court organization organisation committee command
    front force forces ministry bureau office party union coalition movement brigade brigades corps service centre
    center institute observatory network commission authority department administration association alliance group
    board bank fund company corporation news television radio university guard police""".split())
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z][\w'’-]*(?:[ \t]+(?:(?:of|for|and|the)[ \t]+)?[A-Z][a-z][\w'’-]*)*")
# an acronym as written in running text: not in a stretch of capitals ("BREAKING NEWS", "WAR IN
# SYRIA"), not after a figure ("10 GMT"), not a Roman numeral ("Charles III")
_ACRONYM_USED = re.compile(r"(?<![A-Z]\s)(?<!\d\s)(?<!\d)\b[A-Z]{3,6}\b(?!\s[A-Z]{2,}\b)")


def _acronyms_spelled_out(passages: list[dict], common: set[str] | None = None) -> dict[str, list[str]]:
    """Acronyms of three letters or more that an article uses without defining, where it spells
    out exactly one name whose words' initials are the acronym ("NSC spokesperson Sean Savett"
    beside "the White House National Security Council"): their keys, where every article using
    the acronym spells out the same name. Not two-letter initials ("PM", "UN": they meet too
    many names), not an English word; the name ends its run of capitalised words, on a word
    for a body ("Council", "Court") or one `common` (the corpus's lower-case words) holds,
    where given (not a person: "President Khaled Khoja"), with no stopword or day in it ("In Damascus Friday" is
    not "IDF"), on one line; reviews' probes."""
    articles: dict[str, list[str]] = {}
    for p in passages:
        articles.setdefault(p.get("source_id", ""), []).append(normalise_text(p["text"]))
    spelled: dict[str, set[tuple[str, ...]]] = {}
    for texts in articles.values():
        used = {m.group(0) for t in texts for m in _ACRONYM_USED.finditer(t)
                if not re.fullmatch(r"X{0,3}(?:IX|IV|V?I{0,3})", m.group(0))}  # a Roman numeral: "Charles III"
        found: dict[str, set[tuple[str, ...]]] = {a: set() for a in used}
        for t in texts:
            for run in _CAPITALISED_RUN.finditer(t):
                capitals = re.findall(r"[A-Z][\w'’-]*", run.group(0))
                if common is not None and match_key(capitals[-1]) not in common | _BODIES:
                    continue
                for n in range(3, min(6, len(capitals)) + 1):
                    window = capitals[-n:]
                    initials = "".join(w[0] for w in window)
                    if initials in found and not any(w.lower() in STOPWORDS or match_key(w) in CALENDAR_KEYS
                                                     for w in window):
                        found[initials].add(tuple(match_key(w) for w in window))
        for acronym, names in found.items():
            spelled.setdefault(acronym, set()).update(names or {()})
    return {match_key(a): sorted(set(one)) for a, e in spelled.items() if len(e) == 1
            for one in e if one and a.lower() not in STOPWORDS and len(set(one)) == len(a)}


_TITLES = {"president", "minister", "spokesman", "spokesperson", "diplomat", "chief", "head", "deputy", "premier",
           "leader", "counterpart", "secretary", "general", "commander", "envoy", "ambassador", "official", "king",
           "prince", "prime"}
_SPEECH = {"said", "says", "told", "stressed", "noted", "emphasised", "emphasized", "revealed", "added", "announced",
           "stated", "warned", "held", "spoke", "vowed", "pledged", "reaffirmed", "expressed"}
_PLACE_BEFORE = {"in", "from", "near", "toward", "towards", "into", "across", "around", "outside", "inside"}
_PLACE_AFTER = {"province", "provinces", "city", "countryside", "town", "airbase", "airport", "border", "region",
                "governorate", "district", "citadel"}


def name_kinds(passages: list[dict], common: set[str]) -> dict[str, str]:
    """Whether each name the corpus uses is a person or a place, from how the corpus writes it:
    right after a title, right before a speech verb or before ", the acting president" a
    person; right after a place preposition or right before "province", "city" a place. Names
    it cannot tell stay out (a swap is claimed between two of them only in the same slot)."""
    votes: dict[str, dict[str, int]] = {}
    for p in passages:
        norm = normalise_text(p["text"])
        tokens = words(norm)

        def gap(a: int, b: int) -> str:  # the text between token a and token b
            return norm[tokens[a][2]:tokens[b][1]]

        i = 0
        while i < len(tokens):
            w = tokens[i][0]
            if not (w[0].isupper() and len(w) > 1 and match_key(w) not in common):
                i += 1
                continue
            j = i  # a run of capitalised words with only spaces between them is one name
            while (j + 1 < len(tokens) and tokens[j + 1][0][0].isupper() and match_key(tokens[j + 1][0]) not in common
                   and not gap(j, j + 1).strip()):
                j += 1
            before = tokens[i - 1][0].lower() if i and not gap(i - 1, i).strip() else ""
            after = tokens[j + 1][0].lower() if j + 1 < len(tokens) else ""
            glued = j + 1 < len(tokens) and not gap(j, j + 1).strip()
            comma_then = [t[0].lower() for t in tokens[j + 1:j + 3]] if j + 1 < len(tokens) and gap(j, j + 1).strip() == "," else []
            kind = None
            if before in _TITLES or (glued and after in _SPEECH) or any(t in _TITLES | {"acting"} for t in comma_then):
                kind = "person"
            elif before in _PLACE_BEFORE or (glued and after in _PLACE_AFTER):
                kind = "place"
            if kind:
                for t in tokens[i:j + 1]:
                    k = match_key(t[0])
                    votes.setdefault(k, {}).setdefault(kind, 0)
                    votes[k][kind] += 1
            i = j + 1
    return {k: max(v, key=v.get) for k, v in votes.items() if len(v) == 1 or max(v.values()) > 2 * min(v.values())}


def idf_table(passages: list[dict]) -> dict[str, float]:
    df = Counter(k for p in passages for k in set(p["analysis"]["keys"]))
    n = len(passages)
    return {k: round(math.log((n + 1) / (c + 1)) + 1.0, 6) for k, c in df.items()}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def build_lock(index_dir: Path):
    """One builder at a time per index directory (several gunicorn workers may start together)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read_current(index_dir: Path) -> str | None:
    try:
        return (index_dir / CURRENT).read_text().strip() or None
    except FileNotFoundError:
        return None


def point_current(index_dir: Path, version: str) -> None:
    tmp = index_dir / f".{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(version + "\n")
    with open(tmp) as f:
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)


def build_index(corpus_dir: str | Path, index_dir: str | Path, embedder: Embedder,
                model_fp: str | None = None, force: bool = False, index_kind: str = "auto") -> BuildResult:
    """Build (or find) the index of `corpus_dir` under `index_dir` and point CURRENT at it.

    index_kind: the FAISS index, "flat" (exact), "ivf", "hnsw" or "auto" (exact up to
        `ann.DEFAULT_EXACT_MAX` passages, IVF past it); see `index/ann.py`.
    """
    if index_kind not in ann.CONFIGURABLE:
        raise ValueError(f"index kind {index_kind!r}: expected one of {', '.join(ann.CONFIGURABLE)}")
    t0 = time.perf_counter()
    index_dir = Path(index_dir)
    sources = load_corpus(corpus_dir)
    version = compute_index_version(sources, model_fp or embedder.fingerprint(), index_kind)
    final = index_dir / version
    with build_lock(index_dir):
        if (final / "meta.json").is_file() and not force:
            point_current(index_dir, version)
            n = json.loads((final / "meta.json").read_text())["passages"]
            return BuildResult(final, version, n, False, time.perf_counter() - t0)
        passages = passages_of(sources)
        if not passages:
            raise ValueError(f"{corpus_dir}: the corpus has no reporting sentences to index")
        embedder.warm_up()
        vectors = embedder.encode([embedding_text(p) for p in passages])
        index = ann.build_faiss_index(vectors, ann.choose_kind(len(passages), index_kind))

        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{version}-", dir=index_dir))
        try:
            faiss.write_index(index, str(tmp / "vectors.faiss"))
            with open(tmp / "passages.jsonl", "w", encoding="utf-8") as f:
                for p in passages:
                    f.write(json.dumps(p, ensure_ascii=False) + "\n")
            lexical = bm25s.BM25()
            lexical.index([lexical_tokens(p["text"]) for p in passages], show_progress=False)
            lexical.save(str(tmp / "bm25"), show_progress=False)
            (tmp / "sources.json").write_text(json.dumps(
                [{**s.metadata(), "sha256": s.sha256, "passages": sum(p["source_id"] == s.id for p in passages)}
                 for s in sources], ensure_ascii=False, indent=1), encoding="utf-8")
            meta = {
                "format": FORMAT, "index_version": version, "model": embedder.name, "encoder": embedder.describe(),
                "encoder_fingerprint": embedder.fingerprint(),
                "dimension": int(vectors.shape[1]), "passages": len(passages), "sources": len(sources),
                "faiss": {**ann.index_info(index), "configured": index_kind}, "idf": idf_table(passages), **corpus_lexicon(passages),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "files": {str(f.relative_to(tmp)): sha256_file(f) for f in sorted(tmp.rglob("*")) if f.is_file()},
            }
            for name in meta["files"]:
                with open(tmp / name, "rb") as f:
                    os.fsync(f.fileno())
            (tmp / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
            _fsync_dir(tmp)
            # A forced rebuild moves the old folder aside only after the new one is complete,
            # and drops it only once the new one is in place.
            old = index_dir / f".old-{version}-{os.getpid()}" if final.exists() else None
            if old:
                os.rename(final, old)
            os.rename(tmp, final)
            _fsync_dir(index_dir)
            if old:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        point_current(index_dir, version)
    return BuildResult(final, version, len(passages), True, time.perf_counter() - t0)
