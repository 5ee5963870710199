"""spaCy component that marks known organisations and venues from the shipped gazetteers."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.attrs import LENGTH, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..gazetteer import Gazetteer, match_form

GAZETTEER_KEY = "sg_gazetteer"
# Match key of every phrase that only one gazetteer entry claims (see GazetteerMatcher).
_UNIQUE = "sopgraph_gazetteer:unique"
_SEPARATOR = "\n"
_PHRASES_PER_CALL = 8

Tokens = tuple[tuple[int, ...], tuple[int, ...]]  # the ORTH and the LOWER ids of a phrase's tokens


@Language.factory("sopgraph_gazetteer", default_config={"spans_key": GAZETTEER_KEY})
def make_gazetteer_matcher(nlp: Language, name: str, spans_key: str) -> "GazetteerMatcher":
    """spaCy factory: ``nlp.add_pipe("sopgraph_gazetteer")``."""
    return GazetteerMatcher(nlp, spans_key=spans_key)


def phrase_tokens(tokenizer: Callable[[str], Doc], phrases: Iterable[str]) -> dict[str, Tokens]:
    """ORTH and LOWER ids of the tokens ``tokenizer(phrase)`` gives, for every distinct phrase.

    Most gazetteer words occur in no statement, and making their lexemes (every lexical
    attribute of every new word) was most of the time tokenizing the phrases took. So a
    spaCy :class:`~spacy.tokenizer.Tokenizer` is copied (same rules, affixes and matchers)
    onto a scratch vocabulary whose lexemes get only LOWER; ORTH and LOWER ids are hashes
    of strings, the same in any vocabulary, and the pipeline's own vocabulary is left as
    it was. The copy tokenizes a few phrases per call, as one text with a line break
    between them (it cuts a text at whitespace and tokenizes each piece on its own), and
    the Doc is cut at the line breaks. The cut is checked (one line-break token per
    boundary, each phrase's tokens spanning exactly its characters); any other tokenizer,
    a phrase with a line break or outer whitespace, and a failed check fall back to
    ``tokenizer(phrase)``. Most phrases are plain words, whose tokens are known without
    tokenizing them at all (see :class:`_PlainWords`).
    """
    unique = list(dict.fromkeys(phrases))
    found: dict[str, Tokens] = {}
    if _bulk_safe(tokenizer):
        scratch = _scratch_copy(tokenizer)
        if scratch is not tokenizer and _PlainWords.usable(tokenizer):
            plain = _PlainWords(tokenizer, tokenizer.vocab.lex_attr_getters[LOWER])
            for phrase in unique:
                tokens = plain.tokens(phrase)
                if tokens is not None:
                    found[phrase] = tokens
        bulk = [p for p in unique if p and p == p.strip() and _SEPARATOR not in p and p not in found]
        # Few per call: after a special case ("Inc.", "St.") the tokenizer caches nothing
        # more for the rest of the text, and its cache is what makes repeated words cheap.
        for start in range(0, len(bulk), _PHRASES_PER_CALL):
            found.update(_tokenize_together(scratch, bulk[start:start + _PHRASES_PER_CALL]) or {})
    for phrase in unique:
        if phrase not in found:
            doc = tokenizer(phrase)
            found[phrase] = (tuple(doc.to_array(ORTH).tolist()), tuple(doc.to_array(LOWER).tolist()))
    return found


class _PlainWords:
    """Phrases of plain words, whose tokens are their words: the tokenizer's rules say so
    without tokenizing them.

    The tokenizer cuts a text at whitespace and tokenizes each piece on its own: a piece
    that is no special case, and in which no prefix, suffix or infix rule finds anything, is
    one token, itself. Its last pass, for special cases over the whole Doc, changes only a
    run of tokens whose text (spaces included) is a special case, and a run of such words
    with single spaces between them is none when no special case mixes whitespace with
    other characters. So such a phrase gives one token per word: ORTH the id of the word,
    LOWER the id of what the LOWER getter makes of it, as a new lexeme gets.
    """

    def __init__(self, tokenizer: Tokenizer, lower: Callable[[str], str]):
        self.tokenizer = tokenizer
        self.lower = lower
        self._words: dict[str, tuple[int, int] | None] = {}  # the gazetteer repeats its words

    @staticmethod
    def usable(tokenizer: Tokenizer) -> bool:
        """Does no special case of ``tokenizer`` mix whitespace with other characters?"""
        return not any(any(c.isspace() for c in rule) and not rule.isspace() for rule in tokenizer.rules or {})

    def tokens(self, phrase: str) -> Tokens | None:
        """The phrase's ORTH and LOWER ids, or None when it is not plain words with single spaces."""
        words = phrase.split(" ")
        if words != phrase.split():  # empty, outer or double spaces, or other whitespace
            return None
        ids = [self._word(word) for word in words]
        if None in ids:
            return None
        return tuple(orth for orth, _ in ids), tuple(lower for _, lower in ids)

    def _word(self, word: str) -> tuple[int, int] | None:
        if word not in self._words:
            tokenizer = self.tokenizer
            plain = word not in (tokenizer.rules or {}) and not tokenizer.find_prefix(word) \
                and not tokenizer.find_suffix(word) and not tokenizer.find_infix(word)
            self._words[word] = (get_string_id(word), get_string_id(self.lower(word))) if plain else None
        return self._words[word]


def _bulk_safe(tokenizer: object) -> bool:
    if type(tokenizer) is not Tokenizer:  # a subclass or a custom callable may look across whitespace
        return False
    # A special case spanning a line break could join two phrases ("\n" alone is one).
    return not any(_SEPARATOR in rule and rule != _SEPARATOR for rule in (tokenizer.rules or {}))


def _scratch_copy(tokenizer: Tokenizer) -> Tokenizer:
    """The same tokenizer on a new vocabulary whose lexemes get only the LOWER attribute."""
    getters = tokenizer.vocab.lex_attr_getters or {}
    if LOWER not in getters:
        return tokenizer
    return Tokenizer(
        Vocab(lex_attr_getters={LOWER: getters[LOWER]}), rules=tokenizer.rules,
        prefix_search=tokenizer.prefix_search, suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer, token_match=tokenizer.token_match,
        url_match=tokenizer.url_match, faster_heuristics=tokenizer.faster_heuristics,
    )


def _tokenize_together(tokenizer: Tokenizer, phrases: Sequence[str]) -> dict[str, Tokens] | None:
    if not phrases:
        return {}
    doc = tokenizer(_SEPARATOR.join(phrases))
    if not len(doc):
        return None
    columns = doc.to_array([ORTH, LOWER, LENGTH, SPACY])
    orth, lower = columns[:, 0].tolist(), columns[:, 1].tolist()
    # Characters each token takes up (with its trailing space): as spaCy computes Token.idx.
    width = (columns[:, 2] + columns[:, 3]).tolist()
    separator = tokenizer.vocab.strings.add(_SEPARATOR)  # the hash, in any vocabulary
    cuts = [i for i, o in enumerate(orth) if o == separator]
    if len(cuts) != len(phrases) - 1:
        return None
    found = {}
    start = 0
    for phrase, end in zip(phrases, [*cuts, len(orth)]):
        if end <= start or sum(width[start:end]) != len(phrase):
            return None
        if end < len(orth) and width[end] != len(_SEPARATOR):
            return None
        found[phrase] = (tuple(orth[start:end]), tuple(lower[start:end]))
        start = end + 1
    return found


class GazetteerMatcher:
    """Phrase-matches gazetteer names; spans get label ORG or VENUE and the entry id as ``kb_id``.

    Acronyms are matched case-sensitively (so the venue "CHI" does not match "chi"), full
    names case-insensitively. Overlaps keep the longest match.

    A phrase that only one entry claims (nearly all) is added under one shared match key,
    and its entry is looked up from the matched tokens: a match key per entry cost spaCy a
    new lexeme for each of some 20,000 keys when the pipeline was loaded. Token sequences
    that several entries claim keep their entries' own keys, added in the same order, so
    that among equal spans the matcher still reports the same entry first.
    """

    def __init__(self, nlp: Language, *, spans_key: str = GAZETTEER_KEY):
        self.spans_key = spans_key
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        gazetteer = Gazetteer.load()
        listed = [(label, phrase, entry_id, case_sensitive)
                  for label, phrases in (("ORG", gazetteer.org_phrases()), ("VENUE", gazetteer.venue_phrases()))
                  for phrase, entry_id, case_sensitive in phrases]
        # a name with accents is also matched without them, in either the list or the text
        # ("Universidade de Sao Paulo", "University of Hawaiʻi at Mānoa"): see __call__
        plain = {phrase: match_form(phrase) for _, phrase, _, _ in listed if not phrase.isascii()}
        tokens = phrase_tokens(nlp.tokenizer, [*(phrase for _, phrase, _, _ in listed), *plain.values()])
        by_key: dict[tuple[str, bool], list[tuple[int, ...]]] = {}
        for label, phrase, entry_id, case_sensitive in listed:
            orths, lowers = tokens[phrase]
            # One-word names ("ConnectED", "Group", "Meta") collide with ordinary words when
            # matched case-insensitively; they must be written as the name is.
            exact = case_sensitive or len(orths) == 1
            sequences = by_key.setdefault((f"{label}|{entry_id}", exact), [])
            sequences.append(orths if exact else lowers)
            if not exact and phrase in plain:
                sequences.append(tokens[plain[phrase]][1])
        self._unique_key = nlp.vocab.strings.add(_UNIQUE)
        # (matcher, attribute it matches, token sequence -> (label, entry id) of _UNIQUE matches)
        self._matchers: list[tuple[PhraseMatcher, int, dict[tuple[int, ...], tuple[str, str]]]] = []
        for matcher, exact in ((self.exact, True), (self.folded, False)):
            owners: dict[tuple[int, ...], list[str]] = {}
            for (key, case_sensitive), sequences in by_key.items():
                if case_sensitive == exact:
                    for sequence in sequences:
                        keys = owners.setdefault(sequence, [])
                        if sequence and key not in keys:
                            keys.append(key)
            unique = {sequence: tuple(keys[0].split("|", 1)) for sequence, keys in owners.items() if len(keys) == 1}
            self._matchers.append((matcher, ORTH if exact else LOWER, unique))
            if unique:
                matcher.add(_UNIQUE, list(unique))
            for (key, case_sensitive), sequences in by_key.items():
                shared = [s for s in sequences if s not in unique and s] if case_sensitive == exact else []
                if shared:
                    matcher.add(key, shared)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        plain = _plain_letters(doc)
        for matcher, attr, owner in self._matchers:
            # case-insensitive names are matched in the text and, where it has accents, in its plain letters
            for text in (doc,) if attr == ORTH or plain is None else (doc, plain):
                matches = matcher(text)
                if not matches:
                    continue
                values = text.to_array(attr).tolist() if any(m[0] == self._unique_key for m in matches) else []
                for match_id, start, end in matches:
                    if match_id == self._unique_key:
                        label, entry_id = owner[tuple(values[start:end])]
                    else:
                        label, entry_id = doc.vocab.strings[match_id].split("|", 1)
                    spans.append(Span(doc, start, end, label=label, kb_id=entry_id))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=sorted(filter_spans(spans)))
        return doc


def _plain_letters(doc: Doc) -> Doc | None:
    """``doc``'s tokens without accents and glottal marks (token for token), or None when none has any."""
    words = [t.text for t in doc]
    plain = [match_form(w) or w for w in words]
    if plain == words:
        return None
    return Doc(doc.vocab, words=plain, spaces=[bool(t.whitespace_) for t in doc])
