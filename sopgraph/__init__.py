"""sopgraph: statements of purpose and other academic profiles → an RDF knowledge graph.

The library API lives in :mod:`sopgraph.api`; the most used entry points are re-exported
here::

    import sopgraph
    graph = sopgraph.build_graph(["examples/"])
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sopgraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__", "build", "build_graph", "BuildResult"]


def __getattr__(name: str):
    # Importing spaCy takes a second; `sopgraph --help` and `sopgraph query` should not pay it.
    if name in ("build", "build_graph", "BuildResult"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'sopgraph' has no attribute {name!r}")
