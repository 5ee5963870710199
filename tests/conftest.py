"""Shared fixtures: one spaCy pipeline and one build of examples/ per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EVAL = ROOT / "tests" / "eval"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from sopgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def extractor(nlp):
    """An Extractor on the shared pipeline, one per test module (as each module had its own)."""
    from sopgraph.extract import Extractor

    return Extractor(nlp)


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory):
    """Build examples/ once through the library; returns (BuildResult, output dir)."""
    from sopgraph.api import build, write_outputs

    out = tmp_path_factory.mktemp("examples-out")
    result = build([EXAMPLES])
    write_outputs(result, out)
    return result, out
