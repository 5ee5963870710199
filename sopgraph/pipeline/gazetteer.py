"""spaCy component that marks known organisations and venues from the shipped gazetteers."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans

from ..gazetteer import Gazetteer

GAZETTEER_KEY = "sg_gazetteer"


@Language.factory("sopgraph_gazetteer", default_config={"spans_key": GAZETTEER_KEY})
def make_gazetteer_matcher(nlp: Language, name: str, spans_key: str) -> "GazetteerMatcher":
    """spaCy factory: ``nlp.add_pipe("sopgraph_gazetteer")``."""
    return GazetteerMatcher(nlp, spans_key=spans_key)


class GazetteerMatcher:
    """Phrase-matches gazetteer names; spans get label ORG or VENUE and the entry id as ``kb_id``.

    Acronyms are matched case-sensitively (so the venue "CHI" does not match "chi"), full
    names case-insensitively. Overlaps keep the longest match.
    """

    def __init__(self, nlp: Language, *, spans_key: str = GAZETTEER_KEY):
        self.spans_key = spans_key
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        gazetteer = Gazetteer.load()
        tokenizer = nlp.tokenizer
        for label, phrases in (("ORG", gazetteer.org_phrases()), ("VENUE", gazetteer.venue_phrases())):
            by_key: dict[tuple[str, bool], list[Doc]] = {}
            for phrase, entry_id, case_sensitive in phrases:
                doc = tokenizer(phrase)
                # One-word names ("ConnectED", "Group", "Meta") collide with ordinary words when
                # matched case-insensitively; they must be written as the name is.
                exact = case_sensitive or len(doc) == 1
                by_key.setdefault((f"{label}|{entry_id}", exact), []).append(doc)
            for (key, case_sensitive), docs in by_key.items():
                (self.exact if case_sensitive else self.folded).add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, entry_id = doc.vocab.strings[match_id].split("|", 1)
                spans.append(Span(doc, start, end, label=label, kb_id=entry_id))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=sorted(filter_spans(spans)))
        return doc
