"""Write graphs as RDF files, atomically, in any rdflib serialisation."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from ..errors import OutputError

FORMATS = {".ttl": "turtle", ".nt": "nt", ".n3": "n3", ".xml": "xml", ".rdf": "xml", ".jsonld": "json-ld",
           ".json": "json-ld", ".trig": "trig", ".nq": "nquads"}


def format_for(path: Path) -> str:
    """The rdflib format name for a file extension (Turtle when unknown)."""
    return FORMATS.get(path.suffix.lower(), "turtle")


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never a torn file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_rdf(graph: Graph, path: Path, fmt: str | None = None) -> None:
    """Serialise ``graph`` to ``path`` (format from the extension unless ``fmt`` is given)."""
    data = graph.serialize(format=fmt or format_for(Path(path)), encoding="utf-8")
    write_bytes_atomic(Path(path), data)
