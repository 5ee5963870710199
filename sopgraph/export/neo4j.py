"""Neo4j export: CSV files for ``neo4j-admin database import`` plus a Cypher ``LOAD CSV`` script.

One node file per combination of labels (labels are the ontology class names, e.g.
``Person;Applicant``), one relationship file per type (``PROSPECTIVE_ADVISOR`` for
``sg:prospectiveAdvisor``: Neo4j's upper-snake convention of the property's local name).
Headers follow the import tool's format (``iri:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
``:TYPE``, ``name:string[]`` for lists); ``import.cypher`` loads the same files with
``LOAD CSV`` for a running server.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from ..errors import OutputError
from .formats import atomic_output
from .property_graph import iter_edges, property_graph

ARRAY_DELIMITER = "|"
# Every node also gets this label so that relationships can be matched through one index.
RESOURCE_LABEL = "Resource"


def relationship_type(local: str) -> str:
    """``prospectiveAdvisor`` → ``PROSPECTIVE_ADVISOR``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local).upper()


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_") or "x"


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_neo4j(graph: Path, out_dir: Path) -> list[Path]:
    """Write node/relationship CSVs and ``import.cypher`` into ``out_dir``; returns the files."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"neo4j export needs a folder, but {out_dir} is a file; pass -o FOLDER")
    nodes, edges = property_graph(graph)
    written: list[Path] = []
    cypher = [f"CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:{RESOURCE_LABEL}) REQUIRE n.iri IS UNIQUE;"]
    admin = ["neo4j-admin database import full neo4j \\", f"  --array-delimiter='{ARRAY_DELIMITER}' \\"]

    by_labels: dict[tuple[str, ...], list] = defaultdict(list)
    for n in nodes.values():
        by_labels[tuple(sorted(n.labels)) or ("Thing",)].append(n)
    for labels, group in sorted(by_labels.items()):
        attrs = sorted({k for n in group for k in n.attributes})
        header = ["iri:ID"] + [f"{a}:string[]" if a == "altLabels" else a for a in attrs] + [":LABEL"]
        rows = [[n.iri] + [ARRAY_DELIMITER.join(v) if isinstance(v := n.attributes.get(a, ""), list) else str(v)
                           for a in attrs] + [";".join((RESOURCE_LABEL,) + labels)] for n in group]
        path = out_dir / f"nodes_{_slug('_'.join(labels))}.csv"
        _write_csv(path, header, rows)
        written.append(path)
        admin.append(f"  --nodes={path.name} \\")
        sets = ", ".join([f"n.{a} = CASE row.`{h}` WHEN '' THEN [] ELSE split(row.`{h}`, '{ARRAY_DELIMITER}') END" if a == "altLabels" else f"n.{a} = row.`{h}`"
                          for a, h in zip(attrs, header[1:-1])])
        label_text = ":".join((RESOURCE_LABEL,) + labels)
        cypher.append(f"LOAD CSV WITH HEADERS FROM 'file:///{path.name}' AS row\n"
                      f"MERGE (n:{label_text} {{iri: row.`iri:ID`}})" + (f"\nSET {sets}" if sets else "") + ";")

    by_type: dict[str, list] = defaultdict(list)
    for e in iter_edges(edges):
        by_type[relationship_type(e.type)].append(e)
    for rel, group in sorted(by_type.items()):
        path = out_dir / f"rel_{rel}.csv"
        _write_csv(path, [":START_ID", ":END_ID", ":TYPE"], [[e.source, e.target, rel] for e in group])
        written.append(path)
        admin.append(f"  --relationships={path.name} \\")
        cypher.append(f"LOAD CSV WITH HEADERS FROM 'file:///{path.name}' AS row\n"
                      f"MATCH (a:{RESOURCE_LABEL} {{iri: row.`:START_ID`}}), (b:{RESOURCE_LABEL} {{iri: row.`:END_ID`}})\n"
                      f"CREATE (a)-[:{rel}]->(b);")

    script = out_dir / "import.cypher"
    with atomic_output(script) as tmp:
        tmp.write_text("// Load with cypher-shell after copying the CSV files into Neo4j's import folder.\n"
                       + "\n\n".join(cypher) + "\n", encoding="utf-8")
    admin_path = out_dir / "neo4j-admin-import.sh"
    with atomic_output(admin_path) as tmp:
        tmp.write_text("#!/bin/sh\n# Offline bulk import into an empty database (run inside this folder).\n"
                       + "\n".join(admin).rstrip(" \\") + "\n", encoding="utf-8")
    return written + [script, admin_path]
