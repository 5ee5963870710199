"""Short forms and the long names they abbreviate (invented names)."""
import pytest

from sopgraph.acronyms import abbreviates_title, word_prefixes_spell


@pytest.mark.parametrize("short, long, expected", [
    ("WISREB", "Widget Services Regulatory Board", True),  # WI + S + RE + B: a syllable acronym
    ("WSRB", "Widget Services Regulatory Board", True),  # plain initials
    ("wisreb", "Widget Services Regulatory Board", True),  # case does not matter
    ("WB", "Widget Services Board", False),  # every word gives at least one letter
    ("WIDGETSB", "Widget Services Board", True),  # WIDGET + S + B
    ("WZSB", "Widget Services Board", False),  # "Z" begins no part of a word
    ("QCWSC", "Quorvia City Widget Sprocket Company", True),
    ("", "Widget Board", False),
])
def test_word_prefixes_spell(short, long, expected):
    assert word_prefixes_spell(short, long.split()) is expected


@pytest.mark.parametrize("short, long, expected", [
    ("Widg. Quill Chem. Res.", "Widget & Quill Chemistry Research", True),
    ("Widg. Quill Chem. Res", "Widget & Quill Chemistry Research", True),  # a list trimmed the last stop
    ("J. Widget Soc.", "Journal of the Widget Society", True),
    ("Widget Research", "Widget & Quill Chemistry Research", False),  # no full stop: another title
    ("Widg. Res.", "Widget Quill Research", False),  # a word missing
    ("Gadg. Quill Res.", "Widget Quill Research", False),
    ("Widget. Quill Research", "Widget Quill Research", False),  # only one word cut short
])
def test_abbreviates_title(short, long, expected):
    assert abbreviates_title(short, long) is expected
