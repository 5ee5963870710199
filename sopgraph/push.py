"""Push a graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint.

Each statement's graph (and one graph of shared entity descriptions) is sent with ``PUT``,
which replaces the named graph on the server: pushing the same graph twice leaves the
server as it was. Failures do not stop the push; the error names what was and was not sent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from .errors import PushError
from .export.dataset import group_quads
from .namespace import DEFAULT_BASE_IRI

DEFAULT_SHARED_GRAPH = DEFAULT_BASE_IRI + "graph/shared"


@dataclass
class PushReport:
    """Graph names pushed, and (graph name, reason) for those that failed."""

    pushed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0


def _put(session: requests.Session, endpoint: str, graph: str, body: bytes, auth, timeout: float) -> requests.Response:
    headers = {"Content-Type": "text/turtle; charset=utf-8"}  # N-Triples is Turtle; every store reads Turtle
    response = session.put(endpoint, params={"graph": graph}, data=body, headers=headers, auth=auth, timeout=timeout)
    if response.status_code == 401 and isinstance(auth, HTTPDigestAuth) \
            and "basic" in response.headers.get("WWW-Authenticate", "").lower():
        response = session.put(endpoint, params={"graph": graph}, data=body, headers=headers,
                               auth=HTTPBasicAuth(auth.username, auth.password), timeout=timeout)
    return response


def push_graph(graph: Path, endpoint: str, user: str | None = None, password: str | None = None,
               shared_graph: str | None = None, timeout: float = 60.0) -> PushReport:
    """PUT every graph of ``graph`` (one per statement, plus ``shared_graph``) to ``endpoint``.

    Returns the report when everything was pushed; raises :class:`PushError` (with the
    report as ``.report``) naming the graphs that failed and how many were pushed otherwise.
    """
    if not endpoint.startswith(("http://", "https://")):
        raise PushError(f"endpoint {endpoint!r} is not an http(s) URL; pass e.g. --endpoint http://localhost:8890/sparql-graph-crud-auth")
    if (user is None) != (password is None):
        raise PushError("give both --user and --password (or SOPGRAPH_PASSWORD), or neither")
    shared = shared_graph or DEFAULT_SHARED_GRAPH
    auth = HTTPDigestAuth(user, password) if user is not None else None
    report = PushReport()
    groups = group_quads(graph)
    with requests.Session() as session:
        for name in sorted(groups, key=lambda g: (isinstance(g, ox.NamedNode), str(g))):
            iri = name.value if isinstance(name, ox.NamedNode) else shared
            triples = groups[name]
            body = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
            try:
                response = _put(session, endpoint, iri, body, auth, timeout)
            except requests.RequestException as exc:
                report.failed.append((iri, f"{type(exc).__name__}: {exc}"))
                continue
            if response.status_code in (200, 201, 204):
                report.pushed.append(iri)
                report.triples += len(triples)
            else:
                report.failed.append((iri, f"HTTP {response.status_code} {response.reason}"))
    if report.failed:
        first = "; ".join(f"<{g}> ({why})" for g, why in report.failed[:3])
        more = f" and {len(report.failed) - 3} more" if len(report.failed) > 3 else ""
        error = PushError(f"pushed {len(report.pushed)} of {len(report.pushed) + len(report.failed)} graphs to "
                          f"{endpoint}; not pushed: {first}{more}; fix the cause and push again (PUT is idempotent)")
        error.report = report
        raise error
    return report
