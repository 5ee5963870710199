"""The tokenizer fixes :func:`sopgraph.nlp.load_pipeline` adds to the model."""
import pytest


@pytest.mark.parametrize("text, token", [
    # a dotted degree keeps its stop, so the sentence goes on after it
    ("I am applying to the M.Sc. in Finance at Quill University.", "M.Sc."),
    ("She holds an M.Phil. in Widget Studies.", "M.Phil."),
    # titles keep theirs
    ("I worked with Assoc. Prof. Ada Quill.", "Assoc."),
])
def test_abbreviations_keep_their_stop(nlp, text, token):
    assert token in [t.text for t in nlp.tokenizer(text)]


def test_a_sentence_goes_on_past_a_dotted_degree(nlp):
    doc = nlp("Ten years later, it is the reason I am applying to the M.Sc. in Finance at Quill University (the "
              "Widget School of Montréal).")
    assert len(list(doc.sents)) == 1
