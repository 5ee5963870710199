"""The research-topic vocabulary: a SKOS concept scheme shipped as package data.

``sopgraph/data/topics.ttl`` holds a ``skos:ConceptScheme`` of research areas
(``https://w3id.org/sopgraph/topics/``). :class:`TopicScheme` loads it and answers three
questions the pipeline asks:

* which concept does an extracted phrase name? (:meth:`TopicScheme.lookup`)
* where are concept labels mentioned in a text? (:meth:`TopicScheme.find_in`)
* what are a concept's ancestors? (:meth:`TopicScheme.broader_closure`)

Matching is on *normalised* phrases (see :func:`normalize`): lower case, accents and
apostrophes dropped, other punctuation (hyphens, slashes) turned into spaces, and each
word reduced to a simple singular. So "Self-Supervised Learning", "self supervised
learning" and "GANs"/"gan" meet the labels "self-supervised learning" and "gans".
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from sopgraph.errors import GraphLoadError

TOPICS_NS = "https://w3id.org/sopgraph/topics/"
SCHEME_IRI = URIRef(TOPICS_NS)
DATA_PACKAGE = "sopgraph"

__all__ = [
    "SCHEME_IRI",
    "TOPICS_NS",
    "Topic",
    "TopicScheme",
    "normalize",
    "packaged_turtle",
    "singularize",
]


@dataclass(frozen=True)
class Topic:
    """One research topic (a ``skos:Concept`` of the scheme).

    ``iri`` and the entries of ``broader`` are :class:`rdflib.URIRef`; note that rdflib
    does not consider a ``URIRef`` equal to the plain ``str`` of the same IRI.
    """

    iri: URIRef
    pref_label: str
    alt_labels: tuple[str, ...] = ()
    broader: tuple[URIRef, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The preferred label followed by the alternative labels."""
        return (self.pref_label, *self.alt_labels)


# --------------------------------------------------------------------------- normalisation

# Words whose plural does not follow the simple rules below, and words that end in "s"
# in the singular. Without the second group "bias" would become "bia" while "biases"
# became "biase", and the two would never meet.
_IRREGULAR_SINGULARS = {
    "analyses": "analysis",
    "axes": "axis",
    "biases": "bias",
    "caches": "cache",
    "criteria": "criterion",
    "diagnoses": "diagnosis",
    "hypotheses": "hypothesis",
    "indices": "index",
    "matrices": "matrix",
    "niches": "niche",
    "phenomena": "phenomenon",
    "syntheses": "synthesis",
    "theses": "thesis",
    "vertices": "vertex",
}
_ALREADY_SINGULAR = frozenset(
    {"alias", "atlas", "bias", "canvas", "chaos", "cosmos", "ethos", "lens", "news",
     "pancreas", "series", "species"}
)
# -ss (process), -us (corpus), -is (analysis) are singular; -ics names a discipline
# (physics, genomics) and stripping its "s" would make the adjective "genetic" or
# "robotic" match the fields "genetics" and "robotics" in running text.
_SINGULAR_ENDINGS = ("ss", "us", "is", "ics")

_APOSTROPHES = "'\u2019\u02bc"
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")


def singularize(word: str) -> str:
    """Return a simple singular of one lower-case word ("networks" -> "network").

    Rule-based on purpose: it only has to map a label and the way it is written in
    text to the same key, and both go through this same function.
    """
    if word in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[word]
    if len(word) < 3 or not word.endswith("s") or word in _ALREADY_SINGULAR:
        return word
    if word.endswith(_SINGULAR_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # studies -> study
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]  # processes -> process, approaches -> approach
    return word[:-1]


def _fold(text: str) -> str:
    """Lower-case, drop accents and apostrophes (``"Gödel's"`` -> ``"godels"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _APOSTROPHE_RE.sub("", stripped.lower())


def _words(text: str) -> list[str]:
    """Folded words of ``text``, split at every character that is not a letter or digit."""
    return [w for w in _NON_ALNUM_RE.split(_fold(text)) if w]


def normalize(phrase: str) -> str:
    """Return the matching key of a phrase: folded, punctuation-free, singular words.

    >>> normalize("Generative Adversarial Networks")
    'generative adversarial network'
    >>> normalize("natural-language processing")
    'natural language processing'
    """
    return " ".join(singularize(w) for w in _words(phrase))


# Phrases such as "the field of computer vision" or "NLP research" wrap a topic in
# generic words; lookup() peels these off when the whole phrase is not a label.
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "my", "our", "his", "her",
     "their", "its", "your"}
)
_GENERIC_HEADS = frozenset(
    {"area", "areas", "domain", "domains", "field", "fields", "subfield", "subfields",
     "branch", "problem", "problems", "question", "questions", "study", "studies",
     "topic", "topics", "task", "tasks", "research", "work", "advances", "application",
     "applications"}
)
_HEAD_LINKS = frozenset({"of", "in", "on", "into"})
_GENERIC_TAILS = frozenset(
    {"research", "technique", "techniques", "method", "methods", "approach", "approaches",
     "problem", "problems", "application", "applications", "task", "tasks", "field",
     "fields", "area", "areas", "domain", "topic", "topics", "study", "studies"}
)


def _strip_leading(words: list[str]) -> list[str]:
    """Drop leading determiners and heads like "field of", "problems in", repeatedly."""
    i = 0
    while i < len(words):
        if words[i] in _DETERMINERS:
            i += 1
        elif (i + 1 < len(words) and words[i] in _GENERIC_HEADS
              and words[i + 1] in _HEAD_LINKS):
            i += 2
        else:
            break
    return words[i:]


def _candidate_word_lists(phrase: str) -> Iterator[list[str]]:
    """The phrase's words, then with generic leading and trailing words removed."""
    words = _words(phrase)
    yield words
    lead = _strip_leading(words)
    if lead != words:
        yield lead
    tail = lead
    while len(tail) > 1 and tail[-1] in _GENERIC_TAILS:
        tail = tail[:-1]
        yield tail


# --------------------------------------------------------------------------- text scanning

# A word: letters/digits (plus combining marks, in case the text is decomposed),
# optionally with inner apostrophes ("Alzheimer's"). Underscore is not a word character
# here, so "my_ml_model" does not hide "ml" from the caps rule below.
_WORD = r"(?:[^\W_][\u0300-\u036f]*)+"
_TOKEN_RE = re.compile(f"{_WORD}(?:[{_APOSTROPHES}]{_WORD})*")
# What may separate the words of one mention: spaces, hyphens/dashes and slashes
# ("self-supervised", "human–computer", "hw/sw"), but not sentence punctuation, so
# "vision, language" is two words apart.
_GAP_RE = re.compile(r"[\s\-\u2010-\u2015/]+")
# Single-word labels this short are abbreviations ("ml", "cv", "rl"). Written in lower
# or title case they are usually ordinary words or names, so find_in() only accepts
# them when the text shows them in capitals.
_MAX_ABBREVIATION_LETTERS = 3
# "CV" in a statement of purpose is usually the curriculum vitae ("my CV", "the
# attached CV"), not computer vision.
_ABBREVIATION_VETOES: Mapping[str, frozenset[str]] = {
    "cv": frozenset({"my", "our", "your", "his", "her", "their", "attached", "enclosed",
                     "updated", "academic", "full"}),
}


def _is_abbreviation_key(key: str) -> bool:
    return " " not in key and key.isalpha() and len(key) <= _MAX_ABBREVIATION_LETTERS


def _written_in_caps(token: str) -> bool:
    """True for "ML", "GANs", "IoT"; false for "ml", "Ml", "Art"."""
    return sum(ch.isupper() for ch in token) >= 2


# An abbreviation that ends in a capital keeps its final S: "MAS", "GIS" and "FaaS" are
# not the plurals of "MA" (a degree), "GI" and "Faa", while "GANs" is of "GAN". Longer
# words in capitals are headings, whose plurals are plurals.
_MAX_CAPS_ABBREVIATION = 5


def _is_caps_abbreviation(word: str) -> bool:
    return (len(word) <= _MAX_CAPS_ABBREVIATION and word[-1:].isupper()
            and _written_in_caps(word))


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """Matching key of one word of a text (statements repeat their words: memoised)."""
    folded = _fold(word)
    return folded if _is_caps_abbreviation(word) else singularize(folded)


def _label_keys(label: str, topic: Topic) -> list[str]:
    """The index keys of one label: its normalised form and, for a one-word
    abbreviation ending in s, the form with the s.

    "gans" is the plural of the label "gan" and keeps its singular key as well, so
    "GANs" and "GANS" both match; "mas" (multi-agent systems) has no label "ma", so
    its s is part of the abbreviation and "ma" is not a key of it.
    """
    key = normalize(label)
    folded = " ".join(_words(label))
    if not key or folded == key or " " in key or not _is_abbreviation_key(key):
        return [key] if key else []
    plural_of_a_label = any(normalize(other) == key and " ".join(_words(other)) == key
                            for other in topic.labels)
    return [key, folded] if plural_of_a_label else [folded]


def _tokenize(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """Starts, ends, texts and keys of the words of ``text``."""
    starts, ends, words = [], [], []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        starts.append(start)
        ends.append(end)
        words.append(text[start:end])
    return starts, ends, words, [_word_key(w) for w in words]


# --------------------------------------------------------------------------- the scheme


def _literal_text(value: object) -> str:
    return str(value).strip()


def _english_first(literals: Iterable[Literal]) -> list[Literal]:
    """English (or untagged) literals first, so a stray French prefLabel loses."""
    return sorted(literals, key=lambda lit: (lit.language not in (None, "en"), str(lit)))


class TopicScheme:
    """The concepts of a SKOS topic scheme, indexed for lookup and text matching.

    Build one with :meth:`load` (the packaged scheme, or a Turtle file) or
    :meth:`from_graph`; instances are immutable once built.
    """

    def __init__(self, topics: Iterable[Topic], iri: URIRef = SCHEME_IRI) -> None:
        """Index ``topics``; on a label shared by two concepts the earlier one wins,
        and preferred labels win over alternative labels."""
        self.iri = iri
        self._topics: dict[URIRef, Topic] = {}
        for topic in topics:
            self._topics[topic.iri] = topic
        self._index: dict[str, URIRef] = {}
        self._compact_index: dict[str, URIRef] = {}
        # Two passes so that no concept's altLabel can shadow another's prefLabel.
        for labels_of in (lambda t: (t.pref_label,), lambda t: t.alt_labels):
            for topic in self._topics.values():
                for label in labels_of(topic):
                    for key in _label_keys(label, topic):
                        self._index.setdefault(key, topic.iri)
                        self._compact_index.setdefault(key.replace(" ", ""), topic.iri)
        self._max_words = max((key.count(" ") + 1 for key in self._index), default=0)
        # Every label key's first words ("graph", "graph neural" for "graph neural network"):
        # find_in() stops growing a span once its words begin no label.
        self._prefixes = frozenset(
            " ".join(words[:n]) for words in (key.split(" ") for key in self._index) for n in range(1, len(words)))

    # ----------------------------------------------------------------- construction

    @classmethod
    def load(cls, path: str | Path | None = None) -> TopicScheme:
        """Load the scheme from a Turtle file, or the packaged one when ``path`` is None.

        The packaged scheme is parsed once per process and then shared. Raises
        :class:`~sopgraph.errors.GraphLoadError` if the file cannot be read or parsed.
        """
        if path is None:
            return _packaged_scheme()
        try:
            data = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GraphLoadError(f"cannot read topic scheme {path}: {exc}") from exc
        return cls.from_turtle(data, source=str(path))

    @classmethod
    def from_turtle(cls, data: str, source: str = "<string>") -> TopicScheme:
        """Parse Turtle text into a scheme (see :meth:`from_graph`)."""
        graph = Graph()
        try:
            graph.parse(data=data, format="turtle")
        except Exception as exc:  # rdflib raises a variety of parser exceptions
            raise GraphLoadError(f"cannot parse topic scheme {source}: {exc}") from exc
        return cls.from_graph(graph, source=source)

    @classmethod
    def from_graph(cls, graph: Graph, source: str = "<graph>") -> TopicScheme:
        """Build a scheme from every ``skos:Concept`` in ``graph``.

        Raises :class:`~sopgraph.errors.GraphLoadError` for a concept without a
        ``skos:prefLabel``.
        """
        schemes = sorted(s for s in graph.subjects(RDF.type, SKOS.ConceptScheme)
                         if isinstance(s, URIRef))
        iri = SCHEME_IRI if SCHEME_IRI in schemes or not schemes else schemes[0]
        topics = []
        concepts = {c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)}
        for concept in sorted(concepts):
            prefs = _english_first(o for o in graph.objects(concept, SKOS.prefLabel)
                                   if isinstance(o, Literal))
            if not prefs:
                raise GraphLoadError(f"{source}: concept {concept} has no skos:prefLabel")
            pref = _literal_text(prefs[0])
            alts = []
            for lit in _english_first(o for o in graph.objects(concept, SKOS.altLabel)
                                      if isinstance(o, Literal)):
                text = _literal_text(lit)
                if text and text != pref and text not in alts:
                    alts.append(text)
            broader = tuple(sorted(o for o in graph.objects(concept, SKOS.broader)
                                   if isinstance(o, URIRef)))
            topics.append(Topic(concept, pref, tuple(alts), broader))
        return cls(topics, iri)

    # ----------------------------------------------------------------- access

    def __len__(self) -> int:
        return len(self._topics)

    def __iter__(self) -> Iterator[Topic]:
        return iter(self._topics.values())

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, str) and URIRef(str(iri)) in self._topics

    def get(self, iri: str) -> Topic | None:
        """The topic with this IRI (a ``str`` or ``URIRef``), or None."""
        return self._topics.get(URIRef(str(iri)))

    def top_concepts(self) -> list[Topic]:
        """Topics without a broader topic, in load order."""
        return [t for t in self._topics.values() if not t.broader]

    # ----------------------------------------------------------------- lookup

    def lookup(self, phrase: str) -> Topic | None:
        """Return the topic a phrase names, or None.

        Case, accents, hyphens and other punctuation, and simple plurals do not matter
        ("GANs", "natural-language processing"). When the whole phrase is not a label,
        leading determiners and generic heads ("the field of", "problems in") and
        trailing generic words ("research", "methods") are removed and the rest is
        tried. As a last resort spaces are ignored, so "multiagent systems" and
        "multi-agent systems" meet.
        """
        for words in _candidate_word_lists(phrase):
            if not words:
                continue
            for key in dict.fromkeys((" ".join(singularize(w) for w in words), " ".join(words))):
                iri = self._index.get(key) or self._compact_index.get(key.replace(" ", ""))
                if iri is not None:
                    return self._topics[iri]
        return None

    def head_concept(self, phrase: str, min_words: int = 1) -> Topic | None:
        """The concept named by the longest proper ending of a phrase, or None.

        "stochastic optimization" ends in "optimization" and "tokenization-free language
        models" in "language models": the phrase names something narrower than that
        concept. A one-word phrase has no head concept; ``min_words`` sets how many words
        the ending needs (a one-word label such as "security" is often another sense in
        "food security").
        """
        words = _words(phrase)
        for start in range(1, len(words) - min_words + 1):
            key = " ".join(singularize(w) for w in words[start:])
            iri = self._index.get(key)
            if iri is not None:
                return self._topics[iri]
        return None

    # ----------------------------------------------------------------- hierarchy

    def broader_closure(self, iri: str | Topic) -> frozenset[URIRef]:
        """IRIs of every ancestor of a topic (transitive ``skos:broader``), not itself.

        Raises KeyError for an IRI that is not in the scheme. Cycles in a hand-edited
        scheme are tolerated: each concept is visited once.
        """
        start = iri.iri if isinstance(iri, Topic) else URIRef(str(iri))
        if start not in self._topics:
            raise KeyError(str(start))
        seen: set[URIRef] = set()
        stack = list(self._topics[start].broader)
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            topic = self._topics.get(current)
            if topic is not None:
                stack.extend(topic.broader)
        seen.discard(start)
        return frozenset(seen)

    # ----------------------------------------------------------------- matching

    def phrases(self) -> Iterator[tuple[str, URIRef]]:
        """Yield ``(phrase, iri)`` for every label, e.g. for a spaCy ``PhraseMatcher``.

        Labels are yielded as written in the scheme (lower case), except short
        abbreviations, which are yielded in capitals ("ML", "GANs"): add those with
        ``attr="ORTH"`` and the rest with ``attr="LOWER"`` to keep "ml" and "cv" from
        matching ordinary words. :meth:`find_in` applies the same rule and also handles
        plurals and hyphenation, which a PhraseMatcher does not.
        """
        seen: set[tuple[str, URIRef]] = set()
        for topic in self._topics.values():
            for label in topic.labels:
                key = normalize(label)
                phrase = label
                if key not in _label_keys(label, topic):
                    phrase = label.upper()  # "mas" -> "MAS": the s is part of it
                elif _is_abbreviation_key(key):
                    # "gans" -> "GANs": capitalise the abbreviation, keep the plural s.
                    head = len(key) if label.lower().startswith(key) else len(label)
                    phrase = label[:head].upper() + label[head:]
                if (phrase, topic.iri) not in seen:
                    seen.add((phrase, topic.iri))
                    yield phrase, topic.iri

    def find_in(self, text: str) -> list[tuple[int, int, Topic]]:
        """Find topic labels in ``text``; return ``(start, end, topic)`` character spans.

        Matches start and end at word boundaries, ignore case, accents and simple
        plurals, and may span hyphens ("self-supervised learning"), but not sentence
        punctuation. Overlapping matches are resolved in favour of the longest (in
        words), then the leftmost, so "graph neural networks" is one match rather than
        "neural networks" inside it. Abbreviations of up to three letters ("ML", "CV",
        "RL") only match when written in capitals. Spans are sorted by start.
        """
        starts, ends, words, keys = _tokenize(text)
        index, prefixes, count = self._index, self._prefixes, len(keys)
        candidates: list[tuple[int, int, URIRef]] = []  # token range [i, j) and its topic
        for i in range(count):
            key = keys[i]
            last = min(i + self._max_words, count)
            j = i + 1
            while True:
                iri = index.get(key)
                if iri is not None and self._acceptable(words, i, j, key):
                    candidates.append((i, j, iri))
                # No label goes on from these words, or may be longer, or may span this gap.
                if j >= last or key not in prefixes or not _GAP_RE.fullmatch(text, ends[j - 1], starts[j]):
                    break
                key = f"{key} {keys[j]}"
                j += 1
        # Longest first, then leftmost; every shorter candidate is kept too, so a word
        # left over beside a long match can still match on its own.
        chosen: list[tuple[int, int, URIRef]] = []
        taken: set[int] = set()
        for i, j, iri in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if taken.isdisjoint(range(i, j)):
                chosen.append((i, j, iri))
                taken.update(range(i, j))
        return [(starts[i], ends[j - 1], self._topics[iri])
                for i, j, iri in sorted(chosen, key=lambda c: c[0])]

    @staticmethod
    def _acceptable(words: list[str], i: int, j: int, key: str) -> bool:
        """Apply the capitals rule (and its vetoes) to a one-word abbreviation match."""
        if j - i != 1 or not _is_abbreviation_key(key):
            return True
        if not _written_in_caps(words[i]):
            return False
        veto = _ABBREVIATION_VETOES.get(key)
        return not (veto and i > 0 and _fold(words[i - 1]) in veto)

    def __repr__(self) -> str:
        return f"TopicScheme({self.iri!s}, {len(self)} topics)"


def packaged_turtle() -> str:
    """Return the text of the packaged ``sopgraph/data/topics.ttl``.

    Raises :class:`~sopgraph.errors.GraphLoadError` if it cannot be read.
    """
    try:
        try:
            resource = resources.files(DATA_PACKAGE) / "data" / "topics.ttl"
            return resource.read_text(encoding="utf-8")
        except (NotADirectoryError, TypeError):
            # While ``sopgraph`` is a namespace package (no __init__.py), Python 3.11's
            # resource reader rejects the path hook an editable install adds to its
            # __path__; the file sits next to this module either way.
            return (Path(__file__).parent / "data" / "topics.ttl").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphLoadError(f"cannot read packaged topic scheme: {exc}") from exc


@lru_cache(maxsize=1)
def _packaged_scheme() -> TopicScheme:
    """Parse the packaged ``topics.ttl`` once per process."""
    return _fast_from_turtle(packaged_turtle(), source="sopgraph/data/topics.ttl")


def _fast_from_turtle(data: str, source: str) -> TopicScheme:
    """:meth:`TopicScheme.from_turtle` with pyoxigraph's parser, several times faster
    than rdflib's (every build and every worker process loads the scheme).

    It reads the triples :meth:`TopicScheme.from_graph` reads, as from_graph does;
    tests/test_load_speedups.py checks that the packaged scheme comes out the same.
    """
    try:
        import pyoxigraph as ox
    except ImportError:  # pragma: no cover - pyoxigraph is a dependency
        return TopicScheme.from_turtle(data, source=source)
    rdf_type, pref_label, alt_label, broader = (
        ox.NamedNode(str(iri)) for iri in (RDF.type, SKOS.prefLabel, SKOS.altLabel, SKOS.broader))
    concept, concept_scheme = ox.NamedNode(str(SKOS.Concept)), ox.NamedNode(str(SKOS.ConceptScheme))
    schemes: set[str] = set()
    concepts: set[str] = set()
    # A graph is a set of triples: a triple stated twice counts once.
    prefs: dict[str, set[tuple[str, str | None]]] = {}
    alts: dict[str, set[tuple[str, str | None]]] = {}
    parents: dict[str, set[str]] = {}
    try:
        for triple in ox.parse(data, ox.RdfFormat.TURTLE):
            subject, predicate, obj = triple.subject, triple.predicate, triple.object
            if not isinstance(subject, ox.NamedNode):
                continue
            if predicate == rdf_type:
                if obj == concept:
                    concepts.add(subject.value)
                elif obj == concept_scheme:
                    schemes.add(subject.value)
            elif predicate in (pref_label, alt_label):
                if isinstance(obj, ox.Literal):
                    labels = prefs if predicate == pref_label else alts
                    labels.setdefault(subject.value, set()).add((obj.value, obj.language))
            elif predicate == broader and isinstance(obj, ox.NamedNode):
                parents.setdefault(subject.value, set()).add(obj.value)
    except SyntaxError as exc:
        raise GraphLoadError(f"cannot parse topic scheme {source}: {exc}") from exc

    def english_first(labels: set[tuple[str, str | None]]) -> list[str]:
        return [text for text, _ in sorted(labels, key=lambda lab: (lab[1] not in (None, "en"), lab[0]))]

    ordered = sorted(URIRef(s) for s in schemes)
    iri = SCHEME_IRI if SCHEME_IRI in ordered or not ordered else ordered[0]
    topics = []
    for subject in sorted(URIRef(c) for c in concepts):
        pref_texts = english_first(prefs.get(str(subject), set()))
        if not pref_texts:
            raise GraphLoadError(f"{source}: concept {subject} has no skos:prefLabel")
        pref = _literal_text(pref_texts[0])
        alt_texts = []
        for text in english_first(alts.get(str(subject), set())):
            text = _literal_text(text)
            if text and text != pref and text not in alt_texts:
                alt_texts.append(text)
        topics.append(Topic(subject, pref, tuple(alt_texts),
                            tuple(sorted(URIRef(p) for p in parents.get(str(subject), ())))))
    return TopicScheme(topics, iri)
