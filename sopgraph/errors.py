"""Exceptions raised by the sopgraph library.

Every error the library raises on purpose derives from :class:`SopgraphError`; the CLI
turns each into one line on stderr and a non-zero exit code.
"""
from __future__ import annotations


class SopgraphError(Exception):
    """Base class of every error sopgraph raises on purpose."""


class InputError(SopgraphError):
    """An input path does not exist or cannot be used."""


class DocumentReadError(SopgraphError):
    """One document could not be read as text (binary, bad encoding, unreadable)."""

    status = "unreadable"
    """The input's status in the run report (``sopgraph.report.STATUSES``)."""


class EmptyDocumentError(DocumentReadError):
    """A document holds no text (an empty file, only whitespace, a PDF of images)."""

    status = "empty"


class NotTextError(DocumentReadError):
    """A document's bytes are not text in any supported format (binary data)."""

    status = "not_text"


class TooLargeError(DocumentReadError):
    """A document exceeds a configured size limit (bytes, characters, zip contents)."""

    status = "too_large"


class ModelLoadError(SopgraphError):
    """The spaCy model could not be loaded."""


class GraphLoadError(SopgraphError):
    """An RDF graph file could not be read or parsed."""


class QueryError(SopgraphError):
    """A SPARQL query is malformed or could not be run."""


class OutputError(SopgraphError):
    """An output file could not be written."""


class StoreError(SopgraphError):
    """The embedded pyoxigraph store cannot be created, opened or written."""


class PushError(SopgraphError):
    """Some graphs could not be pushed to a SPARQL Graph Store endpoint."""


class ValidationError(SopgraphError):
    """Shapes or a graph could not be read for SHACL validation."""


class VizError(SopgraphError):
    """A graph view cannot be made as asked (e.g. the --focus entity is not in the graph)."""
