"""Word tests shared by the relation rules."""
import pytest

from sopgraph.sentence_cues import is_degree_word


@pytest.mark.parametrize("word, degree", [
    ("PhD", True), ("Ph.D.", True), ("M.Sc.", True), ("MS", True), ("BS", True), ("B.S.", True),
    ("Masters", True), ("master's", True), ("Bachelors", True), ("doctorate", True),
    # everyday words and names that only look like one
    ("Me", False), ("Bas", False), ("Mass", False), ("Research", False),
])
def test_is_degree_word(word, degree):
    assert is_degree_word(word) is degree
