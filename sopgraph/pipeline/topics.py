"""spaCy component that marks research topics from the shipped SKOS scheme."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from ..topics import TopicScheme

TOPICS_KEY = "sg_topics"


@Language.factory("sopgraph_topics", default_config={"spans_key": TOPICS_KEY})
def make_topic_matcher(nlp: Language, name: str, spans_key: str) -> "TopicMatcher":
    """spaCy factory: ``nlp.add_pipe("sopgraph_topics")``."""
    return TopicMatcher(spans_key=spans_key)


class TopicMatcher:
    """Marks the longest topic phrases; each span's ``kb_id`` is the concept IRI."""

    def __init__(self, *, spans_key: str = TOPICS_KEY):
        self.spans_key = spans_key
        self.scheme = TopicScheme.load()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, topic in self.scheme.find_in(doc.text):
            span = doc.char_span(start, end, label="TOPIC", kb_id=topic.iri, alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)
        return doc
