"""SIGKILL a build at random points: the output is the previous one or the complete new one.

Each output file is written to a temporary name and renamed, so whatever instant the
process dies, ``graph.ttl``, ``graph.html`` and ``report.json`` are each either the
previous run's bytes or the finished new bytes — never torn — and the next run completes
and sweeps any temporary file the killed one left.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sopgraph.cache import CACHE_DIR_NAME

from .corpus_factory import statement

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
OUTPUTS = ("graph.ttl", "graph.html", "report.json")
ROOT = Path(__file__).resolve().parents[1]


def _build(inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sopgraph", "build", str(inputs), "--output", str(out)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _snapshot(out: Path) -> dict[str, bytes | None]:
    return {name: (out / name).read_bytes() if (out / name).exists() else None for name in OUTPUTS}


def test_killed_builds_leave_previous_or_complete_output(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(4):
        (inputs / f"s{i}.txt").write_text(statement(i)[0], encoding="utf-8")
    out = tmp_path / "out"
    start = time.monotonic()
    assert _build(inputs, out).wait(timeout=120) == 0
    duration = time.monotonic() - start
    previous = _snapshot(out)
    for i in range(4, 8):  # the new build has more inputs, so its outputs differ
        (inputs / f"s{i}.txt").write_text(statement(i)[0], encoding="utf-8")

    rng = random.Random(7)
    after_kills = []
    for _ in range(3):
        proc = _build(inputs, out)
        time.sleep(rng.uniform(0.4, 1.1) * duration)  # spread over the run, writing phase included
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        after_kills.append(_snapshot(out))
    assert _build(inputs, out).wait(timeout=120) == 0
    complete = _snapshot(out)
    assert all(previous[n] != complete[n] for n in ("graph.ttl", "report.json"))
    for snapshot in after_kills:
        for name in OUTPUTS:
            assert snapshot[name] in (previous[name], complete[name]), f"{name} is torn after a kill"
    # No temporary file left behind, in the outputs or in the extraction cache beside them.
    assert sorted(n for n in os.listdir(out) if n != CACHE_DIR_NAME) == sorted(OUTPUTS)
    assert not [p for p in out.rglob("*.tmp")]
