"""A cache of extractions keyed by content, so an update re-parses only what changed.

An extraction depends on the document's text, the spaCy model and sopgraph's own code and
data; the key hashes all three, so a cached extraction is reused only where extracting
again would give the very same result — which is what makes an incremental build equal a
full rebuild.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, replace
from importlib import resources
from pathlib import Path

from .errors import OutputError
from .model import Applicant, Document, Extraction, Fact, Mention

CACHE_DIR_NAME = ".sopgraph-cache"
_FORMAT = 1


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of sopgraph's Python modules and package data (changes whenever behaviour may)."""
    digest = hashlib.sha256()
    root = resources.files("sopgraph")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix not in (".pyc",) and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(Path(str(root)))).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def extraction_key(document: Document, model: str | None) -> str:
    """The cache key of a document's extraction."""
    digest = hashlib.sha256()
    for part in (str(_FORMAT), code_fingerprint(), model or "default", document.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _encode(extraction: Extraction, chunks: int) -> dict:
    return {
        "applicant": asdict(extraction.applicant) if extraction.applicant else None,
        "mentions": [asdict(m) for m in extraction.mentions],
        "facts": [asdict(f) for f in extraction.facts],
        "meta": extraction.meta,
        "chunks": chunks,
    }


def _decode(data: dict, document: Document) -> tuple[Extraction, int]:
    mentions = tuple(
        Mention(**{**m, "aliases": tuple(m["aliases"]), "attributes": tuple(tuple(a) for a in m["attributes"])})
        for m in data["mentions"])
    facts = tuple(Fact(**f) for f in data["facts"])
    applicant = Applicant(**data["applicant"]) if data["applicant"] else None
    return Extraction(document=document, applicant=applicant, mentions=mentions, facts=facts,
                      meta=dict(data["meta"])), int(data["chunks"])


class ExtractionCache:
    """Extractions stored as one JSON file per key under a folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, document: Document) -> tuple[Extraction, int] | None:
        """The cached extraction for ``key``, re-attached to ``document``, and its chunk count."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or unreadable: extract again
        extraction, chunks = _decode(data, document)
        return replace(extraction, document=document), chunks

    def put(self, key: str, extraction: Extraction, chunks: int) -> None:
        """Store an extraction (atomically; a failed write only loses the cache entry)."""
        data = json.dumps(_encode(extraction, chunks), ensure_ascii=False, sort_keys=True).encode("utf-8")
        try:
            _write_atomic(self._path(key), data)
        except OSError:
            pass  # the cache is an optimisation; the build itself has not failed


def read_manifest(folder: Path) -> list[str]:
    """The inputs of the previous build that wrote into ``folder`` (empty when none)."""
    try:
        return list(json.loads((Path(folder) / "manifest.json").read_text(encoding="utf-8"))["inputs"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


def write_manifest(folder: Path, inputs: list[str]) -> None:
    """Record the inputs of this build, for a later ``build --update``."""
    data = json.dumps({"inputs": inputs}, indent=2, ensure_ascii=False).encode("utf-8")
    try:
        _write_atomic(Path(folder) / "manifest.json", data)
    except OSError as exc:
        raise OutputError(f"cannot write the build manifest in {folder}: {exc.strerror or exc}") from exc


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise
