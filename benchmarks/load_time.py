"""Load time and on-disk size of the store for a graph file (fresh store each run).

    python -m benchmarks.load_time /tmp/bench/graph-100k.nt
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from sopgraph.store import LoadReport, load_store


def fresh_load(graph: Path, store_dir: Path) -> tuple[float, LoadReport, int]:
    """Load ``graph`` into a new store at ``store_dir``: seconds taken, the report, bytes on disk."""
    t0 = time.perf_counter()
    report = load_store(graph, store_dir)
    seconds = time.perf_counter() - t0
    size = int(subprocess.run(["du", "-sb", str(store_dir)], capture_output=True, text=True).stdout.split()[0])
    return seconds, report, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--reload", action="store_true", help="also time an incremental reload of the same file")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sopgraph-load-"))
    try:
        first, report, size = fresh_load(args.graph, folder / "store")
        print(f"fresh load: {first:.1f} s, {report.quads} quads, {report.added} statement graphs, "
              f"{size / 2**20:.0f} MiB on disk")
        if not args.reload:
            return
        t0 = time.perf_counter()
        again = load_store(args.graph, folder / "store")
        print(f"reload of the same file (incremental, nothing changed): {time.perf_counter() - t0:.1f} s, "
              f"unchanged {again.unchanged}, replaced {again.replaced}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
