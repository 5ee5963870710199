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


class ModelLoadError(SopgraphError):
    """The spaCy model could not be loaded."""


class GraphLoadError(SopgraphError):
    """An RDF graph file could not be read or parsed."""


class QueryError(SopgraphError):
    """A SPARQL query is malformed or could not be run."""


class OutputError(SopgraphError):
    """An output file could not be written."""
