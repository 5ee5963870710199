"""Merge the entities of all documents into canonical entities with stable keys.

A key is derived from what identifies a thing (a gazetteer id, a person's first and last
name, a paper's title), never from the order documents arrive in, so the same input always
gives the same graph and adding a document never renames an existing node.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import APPLICANT, Extraction, Mention
from .names import fold, fullness, name_tokens

KIND_PATHS = {"person": "person", "organization": "org", "venue": "venue", "paper": "paper",
              "topic": "topic", "program": "program"}


def slugify(text: str, limit: int = 80) -> str:
    """ASCII slug for IRIs; long or empty slugs get a short hash so they stay unique."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if not slug or len(slug) > limit:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        slug = f"{slug[:limit].rstrip('-')}-{digest}" if slug else digest
    return slug


@dataclass
class Entity:
    """One real-world thing after resolution."""

    key: str
    kind: str
    labels: list[str] = field(default_factory=list)
    subtypes: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    attributes: dict[str, str] = field(default_factory=dict)
    is_applicant: bool = False

    @property
    def label(self) -> str:
        """The canonical label: gazetteer names win, people get their fullest form."""
        if self.kind == "person":
            return max(self.labels, key=lambda l: (fullness(l), l))
        # All labels of a non-person share one folded key; min() keeps the choice
        # independent of the order documents were read in.
        return min(self.labels)

    @property
    def alt_labels(self) -> list[str]:
        label = self.label
        seen = {label.casefold()}
        out = []
        for alias in sorted(self.aliases | set(self.labels)):
            if alias.casefold() not in seen and alias.strip():
                seen.add(alias.casefold())
                out.append(alias)
        return out


def person_key(name: str, scope: str) -> str:
    """First+last name for full names; a bare surname stays inside its document."""
    toks = name_tokens(name)
    if len(toks) >= 2:
        return f"person:{toks[0]}-{toks[-1]}" if len(toks[0]) > 1 else f"person:{'-'.join(toks)}"
    return f"person:{'-'.join(toks)}@{scope}"


def mention_key(mention: Mention, scope: str) -> str:
    """The cross-document identity of a mention."""
    attrs = dict(mention.attributes)
    if mention.kind == "person":
        return person_key(mention.label, scope)
    if "gazetteer" in attrs:
        return f"{mention.kind}:gaz:{attrs['gazetteer']}"
    if "iri" in attrs:
        return f"topic:iri:{attrs['iri']}"
    return f"{mention.kind}:{fold(mention.label)}"


@dataclass
class Resolution:
    """Entities keyed by identity, plus, per document, each mention's entity key."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[str, dict[int, str]] = field(default_factory=dict)
    applicant_keys: dict[str, str] = field(default_factory=dict)
    statement_keys: dict[str, str] = field(default_factory=dict)


def statement_scope(extraction: Extraction) -> str:
    """A document's scope name: its file stem, slugged."""
    return slugify(extraction.document.path.stem, limit=60)


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Merge all extractions' mentions into entities; applicants merge by full name."""
    result = Resolution()
    used_scopes: dict[str, int] = {}
    for ext in extractions:
        scope = statement_scope(ext)
        n = used_scopes.get(scope, 0)
        used_scopes[scope] = n + 1
        if n:
            scope = f"{scope}-{hashlib.sha1(str(ext.document.path).encode()).hexdigest()[:8]}"
        doc_id = str(ext.document.path)
        result.statement_keys[doc_id] = scope
        keys: dict[int, str] = {}
        if ext.applicant is not None:
            akey = person_key(ext.applicant.name, scope)
        else:
            akey = f"person:unknown-applicant@{scope}"
        entity = result.entities.setdefault(akey, Entity(akey, "person"))
        entity.labels.append(ext.applicant.name if ext.applicant else f"Unknown author of {ext.document.name}")
        entity.is_applicant = True
        if ext.applicant is not None:
            if ext.applicant.email:
                entity.attributes.setdefault("email", ext.applicant.email)
            if ext.applicant.homepage:
                entity.attributes.setdefault("homepage", ext.applicant.homepage)
        keys[APPLICANT] = akey
        result.applicant_keys[doc_id] = akey
        for mention in ext.mentions:
            key = mention_key(mention, scope)
            entity = result.entities.setdefault(key, Entity(key, mention.kind))
            entity.labels.append(mention.label)
            entity.aliases.update(mention.aliases)
            if mention.subtype:
                entity.subtypes.add(mention.subtype)
            for a_key, value in mention.attributes:
                entity.attributes.setdefault(a_key, value)
            keys[mention.index] = key
        result.mention_keys[doc_id] = keys
    return result
