import pytest

from sopgraph.citations import find_citations
from sopgraph.references import parse_references

REFS = parse_references(
    "References\n"
    "[1] Ada Quill and Bo Renn. Sparse widgets for inference. In ICML, 2020.\n"
    "[2] Ada Quill, Cy Tamm. Dense widgets for training. In NeurIPS, 2020.\n"
    "[3] Bo Renn. Widget theory. arXiv preprint arXiv:2001.00001, 2019.\n"
)
AUTHOR_YEAR = parse_references(
    "Ada Quill, Bo Renn. Sparse widgets for inference. In ICML, 2020a.\n"
    "Ada Quill, Cy Tamm. Dense widgets for training. In NeurIPS, 2020b.\n"
    "Bo Renn. Widget theory. arXiv preprint arXiv:2001.00001, 2019.\n"
)


@pytest.mark.parametrize(
    "text, cited",
    [
        ("as shown in [2].", [1]),
        ("prior work [1, 3] argues", [0, 2]),
        ("prior work [1-3] argues", [0, 1, 2]),
        ("see [7] for more", []),
    ],
)
def test_numeric(text, cited):
    assert [c.reference for c in find_citations(text, REFS)] == cited


@pytest.mark.parametrize(
    "text, cited",
    [
        ("this was shown (Quill et al., 2020b).", [1]),
        ("two papers (Quill et al., 2020a; Renn, 2019) agree", [0, 2]),
        ("Renn (2019) proved it", [2]),
        ("ambiguous (Quill et al., 2020)", []),
        ("unknown (Smith, 2018)", []),
    ],
)
def test_author_year(text, cited):
    assert sorted(c.reference for c in find_citations(text, AUTHOR_YEAR)) == cited


def test_offsets_cover_the_citation():
    text = "as shown in [2]."
    (c,) = find_citations(text, REFS)
    assert text[c.start:c.end] == "[2]"
