"""Sentence-boundary hints of :mod:`sopgraph.pipeline.sentences`, on a blank pipeline (tokens only)."""
import pytest
import spacy

import sopgraph.pipeline  # noqa: F401  (registers the sopgraph_* factories)


@pytest.fixture(scope="module")
def hints():
    nlp = spacy.blank("en")
    nlp.add_pipe("sopgraph_sentence_hints")
    return nlp


def _starts(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word).is_sent_start


@pytest.mark.parametrize("text, word, starts", [
    # a short header line ends its sentence
    ("Jane Roe\nApplicant to the PhD in Widgetry", "Applicant", True),
    # a sentence hard-wrapped into short lines (an e-mail) runs on into the next line
    ("My name is Jane Roe, I'm a dentist from Quilltown,\nand I'm applying to the Master in Widget Health\n"
     "(MSc in Widget Health) at Quillfield University.", "and", False),
    ("My name is Jane Roe, I'm a dentist from Quilltown,\nand I'm applying to the Master in Widget Health\n"
     "(MSc in Widget Health) at Quillfield University.", "(", False),
    # a line that ends a sentence, or a blank line, still ends it
    ("I studied widgets at Quill University for years.\nand then gears.", "and", True),
    ("I studied widgets at Quill University for years\n\nand then gears.", "and", True),
])
def test_line_breaks_and_sentences(hints, text, word, starts):
    assert (_starts(hints, text, word) is True) is starts  # (None: left to the parser)
