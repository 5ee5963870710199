"""Documents parsed together (one ``nlp.pipe`` batch) give what each gives alone."""
from __future__ import annotations

import pytest

from sopgraph import batch
from sopgraph.batch import _Worker, parallel_batch_size
from sopgraph.extract import Extractor
from sopgraph.grouping import BATCH_SIZE, batches, parse_groups
from sopgraph.limits import Limits
from sopgraph.model import Document

from .conftest import EVAL, EXAMPLES
from .corpus_factory import statement

CHUNK_CHARS = 3_000  # small enough that the real statements are cut into chunks


def _inputs(tmp_path):
    real = sorted(p for folder in (EXAMPLES, EVAL / "docs") for p in folder.glob("*.*") if p.suffix in (".txt", ".md"))
    synthetic = []
    for i in range(5):
        path = tmp_path / f"synthetic-{i}.txt"
        path.write_text(statement(i)[0], encoding="utf-8")
        synthetic.append(path)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    # interleaved, so batches mix long and short texts and an unreadable file
    return [p for pair in zip(real, synthetic + [empty] + real[::-1]) for p in pair][:16]


@pytest.fixture(scope="module")
def alone(tmp_path_factory):
    paths = _inputs(tmp_path_factory.mktemp("batching"))
    worker = _Worker(None, Limits(chunk_chars=CHUNK_CHARS))
    return paths, [worker.run(p) for p in paths]


@pytest.mark.parametrize("group_size", [1, 3, BATCH_SIZE, 64])
def test_a_batch_gives_what_each_document_gives_alone(alone, group_size, monkeypatch):
    paths, expected = alone
    monkeypatch.setattr(batch, "BATCH_SIZE", group_size)
    together = _Worker(None, Limits(chunk_chars=CHUNK_CHARS)).run_batch(paths)
    assert [o.status for o in together] == [o.status for o in expected]
    assert [o.extraction for o in together] == [o.extraction for o in expected]
    assert any(o.status.chunks > 1 for o in together)  # chunked documents were in the batch
    assert any(o.extraction is None for o in together)  # and a failure


def test_a_poisoned_document_fails_alone_in_its_batch(alone, monkeypatch):
    paths, expected = alone
    poisoned = next(i for i, o in enumerate(expected) if o.extraction is not None and o.status.chunks == 1)
    marker = expected[poisoned].extraction.document.text
    real = Extractor.extract_doc

    def extract_doc(self, document, clean, doc):
        if document.text == marker:
            raise RuntimeError("poisoned")
        return real(self, document, clean, doc)

    monkeypatch.setattr(Extractor, "extract_doc", extract_doc)
    outcomes = _Worker(None, Limits(chunk_chars=CHUNK_CHARS)).run_batch(paths)
    assert outcomes[poisoned].extraction is None
    assert "RuntimeError: poisoned" in outcomes[poisoned].status.reason
    others = [i for i in range(len(paths)) if i != poisoned]
    assert [outcomes[i].extraction for i in others] == [expected[i].extraction for i in others]


def test_batches_cover_the_items_in_order():
    items = list(range(10))
    assert [list(b) for b in batches(items, 4)] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert list(batches([], 3)) == []
    with pytest.raises(ValueError):
        list(batches(items, 0))


def test_parse_groups_bound_documents_and_characters(tmp_path):
    docs = [Document(path=tmp_path / f"{n}.txt", name=f"{n}.txt", text="x" * n) for n in (5, 5, 5, 20, 1, 1, 1, 1)]
    groups = list(parse_groups(docs, max_docs=3, max_chars=12))
    assert [[len(d.text) for d in g] for g in groups] == [[5, 5], [5], [20], [1, 1, 1], [1]]
    assert [d for g in groups for d in g] == docs


@pytest.mark.parametrize("inputs, workers, expected", [(4, 2, 1), (40, 2, 5), (1000, 2, BATCH_SIZE), (3, 8, 1)])
def test_parallel_tasks_are_small_enough_to_share_out(inputs, workers, expected):
    assert parallel_batch_size(inputs, workers) == expected
