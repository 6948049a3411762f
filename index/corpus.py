"""A corpus on disk: a folder of UTF-8 articles and an optional `manifest.json`.

A leading byte-order mark is dropped. Manifest format (every field but `id` and `file` optional):

    {"sources": [{"id": "000_2f3d2801a65e2925", "file": "000_2f3d2801a65e2925.txt",
                  "title": "...", "url": "...", "outlet": "...", "published": "2024-12-01"}]}

Without a manifest every `*.txt` file is a source whose id is the file name without `.txt`
and whose title is its first line. Offsets everywhere are in Unicode code points of the file
decoded as UTF-8 with its line endings untouched.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
MANIFEST = "manifest.json"
_OPTIONAL_FIELDS = ("url", "outlet", "published")


class CorpusError(ValueError):
    """The corpus folder or its manifest is not usable; the message names the file."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    text: str
    file: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def metadata(self) -> dict:
        d = asdict(self)
        del d["text"]
        return d

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_article(path: Path) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:  # a byte-order mark is not text
            return f.read()
    except UnicodeDecodeError as e:
        raise CorpusError(f"{path}: not valid UTF-8 ({e.reason} at byte {e.start})") from e


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def load_corpus(folder: str | Path) -> list[Source]:
    """Read every source of a corpus folder, sorted by id. Raises CorpusError on any problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: corpus folder not found")
    manifest_path = folder / MANIFEST
    if manifest_path.exists():
        try:
            entries = json.loads(manifest_path.read_text(encoding="utf-8"))["sources"]
        except (ValueError, KeyError, TypeError) as e:
            raise CorpusError(f"{manifest_path}: expected {{\"sources\": [...]}} ({e})") from e
    else:
        entries = [{"id": p.stem, "file": p.name} for p in sorted(folder.glob("*.txt"))]
    sources: dict[str, Source] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("file"), str):
            raise CorpusError(f"{manifest_path}: every source needs string fields 'id' and 'file': {entry!r}")
        sid, fname = entry["id"], entry["file"]
        if not SOURCE_ID.match(sid):
            raise CorpusError(f"{manifest_path}: source id {sid!r} must match {SOURCE_ID.pattern}")
        if sid in sources:
            raise CorpusError(f"{manifest_path}: duplicate source id {sid!r}")
        path = (folder / fname).resolve()
        if folder.resolve() not in path.parents or not path.is_file():
            raise CorpusError(f"{manifest_path}: file {fname!r} of source {sid!r} not found in {folder}")
        text = read_article(path)
        extra = {k: entry[k] for k in _OPTIONAL_FIELDS if entry.get(k) is not None}
        sources[sid] = Source(id=sid, title=entry.get("title") or _first_line(text), text=text, file=fname, **extra)
    if not sources:
        raise CorpusError(f"{folder}: no articles (no manifest.json and no *.txt files)")
    return [sources[k] for k in sorted(sources)]
