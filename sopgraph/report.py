"""The run report: one status per input, written as ``report.json`` beside the graph.

Every input ends with exactly one status: ``ok``, ``empty``, ``not_text``, ``too_large``
or ``unreadable`` (with a reason). The report holds no timestamps or timings, so the same
inputs give the same report.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

STATUSES = ("ok", "empty", "not_text", "too_large", "unreadable")


@dataclass(frozen=True)
class InputStatus:
    """What became of one input."""

    path: str
    status: str
    reason: str = ""
    format: str = ""
    encoding: str = ""
    characters: int = 0
    chunks: int = 0
    repaired: bool = False

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown input status {self.status!r}; expected one of {', '.join(STATUSES)}")

    @property
    def line(self) -> str:
        """``status: reason`` as the issue spells it (``ok`` alone when fine)."""
        return f"{self.status}: {self.reason}" if self.reason else self.status


def report_data(statuses: list[InputStatus]) -> dict:
    """The report as JSON-ready data: a summary of counts and one entry per input, in order."""
    counts = Counter(s.status for s in statuses)
    return {
        "summary": {"inputs": len(statuses), **{status: counts.get(status, 0) for status in STATUSES}},
        "inputs": [asdict(s) for s in statuses],
    }


def report_bytes(statuses: list[InputStatus]) -> bytes:
    """The report serialised deterministically (sorted keys, UTF-8, trailing newline)."""
    return (json.dumps(report_data(statuses), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def write_report(statuses: list[InputStatus], path: Path) -> None:
    """Write ``report.json`` atomically."""
    from .export.rdf import write_bytes_atomic

    write_bytes_atomic(Path(path), report_bytes(statuses))
