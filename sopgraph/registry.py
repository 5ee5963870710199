"""Collect the entities of one document, merging repeated mentions of the same thing.

Within a document, "Prof. Castellanos", "Miriam Castellanos" and "Castellanos's" are one person,
"KAIST" and "Korea Advanced Institute of Science and Technology" one organisation. The
registry keeps one record per thing with its best label and its other spellings.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .acronyms import abbreviates_title
from .model import EntityKind, Mention
from .names import PLACE_PARTICLES, compatible, fold, fullness, is_initial, name_tokens, same_person_reordered


@dataclass
class EntityRecord:
    """A mutable, document-local entity while extraction runs."""

    index: int
    kind: EntityKind
    label: str
    subtype: str | None = None
    aliases: set[str] = field(default_factory=set)
    attributes: dict[str, str] = field(default_factory=dict)
    start: int = -1
    end: int = -1
    source: str = ""
    count: int = 1

    def freeze(self) -> Mention:
        aliases = tuple(sorted(a for a in self.aliases if a and fold(a) != fold(self.label)))
        return Mention(
            index=self.index, kind=self.kind, label=self.label, start=self.start, end=self.end,
            subtype=self.subtype, aliases=aliases, attributes=tuple(sorted(self.attributes.items())),
            source=self.source,
        )


class EntityRegistry:
    """Document-local entity store with merge rules per kind."""

    def __init__(self) -> None:
        self.records: list[EntityRecord] = []
        self._by_key: dict[tuple[str, str], int] = {}

    def _new(self, kind: EntityKind, label: str, key: str, **kw) -> int:
        rec = EntityRecord(index=len(self.records), kind=kind, label=label, **kw)
        self.records.append(rec)
        self._by_key[(kind, key)] = rec.index
        return rec.index

    def alias(self, kind: EntityKind, key: str, index: int) -> None:
        """Make ``key`` (an acronym, a gazetteer id) find record ``index`` later."""
        self._by_key.setdefault((kind, fold(key) or key), index)

    def find(self, kind: EntityKind, key: str) -> int | None:
        return self._by_key.get((kind, fold(key) or key))

    def add(
        self,
        kind: EntityKind,
        label: str,
        *,
        key: str | None = None,
        subtype: str | None = None,
        aliases: tuple[str, ...] | list[str] = (),
        attributes: dict[str, str] | None = None,
        start: int = -1,
        end: int = -1,
        source: str = "",
    ) -> int:
        """Add a mention of a non-person entity; return the index of its record."""
        keys = [fold(key or label)] + [fold(a) for a in aliases if fold(a)]
        for k in keys:
            found = self._by_key.get((kind, k))
            if found is not None:
                rec = self.records[found]
                rec.count += 1
                rec.aliases.update([label, *aliases])
                if subtype and not rec.subtype:
                    rec.subtype = subtype
                if attributes:
                    for a_key, value in attributes.items():
                        rec.attributes.setdefault(a_key, value)
                for k2 in keys:
                    self._by_key.setdefault((kind, k2), found)
                return found
        index = self._new(kind, label, keys[0], subtype=subtype, aliases=set(aliases),
                          attributes=dict(attributes or {}), start=start, end=end, source=source)
        for k in keys[1:]:
            self._by_key.setdefault((kind, k), index)
        return index

    def add_person(self, name: str, *, start: int = -1, end: int = -1, source: str = "",
                   attributes: dict[str, str] | None = None) -> int:
        """Add a person mention, merging with a compatible person already seen.

        A bare surname merges only when exactly one full name in the document carries that
        surname; spelling variants merge by a fuzzy test (one document, one person).
        """
        candidates = [r for r in self.records if r.kind == "person" and compatible(r.label, name, fuzzy=True)]
        if len(name_tokens(name)) == 1 and len({fold(r.label) for r in candidates}) > 1:
            candidates = []
        if len(name_tokens(name)) > 1:
            exact = [r for r in candidates if compatible(r.label, name)]
            candidates = exact or candidates
        if not candidates:
            reversed_ = [r for r in self.records if r.kind == "person" and same_person_reordered(r.label, name)]
            candidates = reversed_ if len(reversed_) == 1 else []
        if candidates:
            rec = candidates[0]
            rec.count += 1
            if fullness(name) > fullness(rec.label):
                rec.aliases.add(rec.label)
                rec.label = name
            else:
                rec.aliases.add(name)
            if attributes:
                for a_key, value in attributes.items():
                    rec.attributes.setdefault(a_key, value)
            return rec.index
        return self._new("person", name, fold(name), start=start, end=end, source=source,
                         attributes=dict(attributes or {}))

    def merge_bare_surnames(self) -> dict[int, int]:
        """Fold bare-surname people into the one full name with that surname, if unique.

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        mapping: dict[int, int] = {}
        people = [r for r in self.records if r.kind == "person"]
        for rec in people:
            tokens = name_tokens(rec.label)
            if len(tokens) == 2 and not any(is_initial(t) for t in tokens):
                # "Dr. Quill Widgetez" of "Ada Quill Widgetez": two surnames, the name's last two words
                fulls = [r for r in people if r is not rec and len(name_tokens(r.label)) > 2
                         and name_tokens(r.label)[-2:] == tokens and r.index not in mapping]
                if len({fold(r.label) for r in fulls}) == 1:
                    mapping[rec.index] = fold_into(rec, fulls[0])
                continue
            if len(tokens) != 1:
                continue
            fulls = [r for r in people if r is not rec and len(name_tokens(r.label)) > 1
                     and compatible(r.label, rec.label, fuzzy=True) and r.index not in mapping]
            if not fulls:
                # "Prof. Hwang" of "Hwang Dae-seong": a name written surname first
                fulls = [r for r in people if r is not rec and len(name_tokens(r.label)) > 1
                         and name_tokens(r.label)[0] == name_tokens(rec.label)[0] and r.index not in mapping]
            if not fulls:
                # "Dr. Ramos" of "Ada Ramos Quiñones": the first of two surnames (Spanish, Portuguese)
                fulls = [r for r in people if r is not rec and len(name_tokens(r.label)) > 2
                         and name_tokens(r.label)[-2] == name_tokens(rec.label)[0] and r.index not in mapping]
            if len({fold(r.label) for r in fulls}) == 1:
                mapping[rec.index] = fold_into(rec, fulls[0])
        return mapping

    def merge_reordered_names(self) -> dict[int, int]:
        """Fold "S. Lin" into "Lin Shuwen": a reference form and the one full name written
        surname first that it abbreviates (see :func:`names.same_person_reordered`).

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        mapping: dict[int, int] = {}
        people = [r for r in self.records if r.kind == "person"]
        for rec in people:
            fulls = [r for r in people if r is not rec and r.index not in mapping and same_person_reordered(r.label, rec.label)
                     and not any(is_initial(t) for t in name_tokens(r.label))]
            if len(fulls) == 1 and fullness(fulls[0].label) > fullness(rec.label):
                mapping[rec.index] = fold_into(rec, fulls[0])
        return mapping

    def merge_short_org_names(self) -> dict[int, int]:
        """Fold a one-word organisation ("Ireti") into the one longer name it opens ("Ireti
        Maternal Health Initiative"), when the word is not a listed organisation: a text names
        a body in full once and by its first word after; and a university named without its place
        ("Quill University") into the one name that goes on with it ("Quill University of Widgetown"). A listed organisation is a target only
        when a university-type word follows that first word ("Sharif University of Technology").

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        mapping: dict[int, int] = {}
        words = {r.index: fold(r.label).split() for r in self.records if r.kind == "organization" and r.source != "gazetteer"}
        # "Quorvia Technologies" is as much a longer name as "Quorvia Maternal Health Initiative"
        # but "Quorvia Innovation Center" is a part of Quorvia, and "Quorvia" alone is the company
        long_names = [(self.records[i], w[0]) for i, w in words.items()
                      if (len(w) >= 3 or (len(w) == 2 and w[1] in _BODY_TAILS)) and w[-1] not in _PART_TAILS]
        # "Sharif" after "Sharif University of Technology": a listed university named by its first word
        long_names += [(r, w[0]) for r in self.records if r.kind == "organization" and r.source == "gazetteer"
                       for w in [fold(r.label).split()] if len(w) >= 2 and w[1] in _INSTITUTION_HEADS]
        for index, label_words in words.items():
            rec = self.records[index]
            if len(label_words) == 2 and label_words[1] in _INSTITUTION_HEADS:
                # "Quill University" after "Quill University of Widgetown": the name without its place
                longer = [r for r in self.records if r.kind == "organization" and r is not rec
                          and fold(r.label).split()[:3] in ([*label_words, "of"], [*label_words, "at"], [*label_words, "in"])]
                if len(longer) == 1:
                    mapping[rec.index] = fold_into(rec, longer[0])
                continue
            if len(label_words) != 1 or rec.label.isupper():
                continue  # acronyms are resolved by their definitions
            longer = [r for r, first in long_names if first == label_words[0]]
            if len(longer) == 1:
                mapping[rec.index] = fold_into(rec, longer[0])
        return mapping

    def merge_campus_names(self) -> dict[int, int]:
        """Fold a university into the one other university of the document whose name is its name
        and a campus ("Widget University" and "Widget University Quillton", both listed): a text
        names the campus in its header and the university in its prose, and means one place.

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        universities = [r for r in self.records if r.kind == "organization" and r.subtype == "University"]
        words = {r.index: fold(r.label).split() for r in universities}

        def campus_of(rec: EntityRecord, other: EntityRecord) -> bool:
            short, long = words[rec.index], words[other.index]
            rest = long[len(short):]
            return len(short) >= 2 and long[:len(short)] == short and 1 <= len(rest) <= 2 \
                and not set(rest) & (_INSTITUTION_HEADS | PLACE_PARTICLES | _UNIT_WORDS)

        return _fold_into_the_only_match(universities, campus_of)

    def merge_named_campuses(self) -> dict[int, int]:
        """Fold a name that is the campus of the one university of the document written "X, Campus"
        ("Quillton" and "University of Widgetia, Quillton"): the text calls the university by its campus.

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        orgs = [r for r in self.records if r.kind == "organization"]

        def campus_of(rec: EntityRecord, other: EntityRecord) -> bool:
            return rec.source != "gazetteer" and other.subtype == "University" and "," in other.label \
                and fold(other.label.rsplit(",", 1)[1]) == fold(rec.label)

        return _fold_into_the_only_match(orgs, campus_of)

    def merge_inner_org_names(self) -> dict[int, int]:
        """Fold a university named by the middle of its name ("Universidad Widgética") into the one
        longer name around it ("Pontificia Universidad Widgética de Quillandia"): one or two words
        before, and after it nothing or a place after "de"/"of". A name that goes on otherwise
        ("University of Widgets" in "Quill University of Widgets and Technology") is another body.

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        orgs = [r for r in self.records if r.kind == "organization"]
        words = {r.index: fold(r.label).split() for r in orgs}

        def named_inside(rec: EntityRecord, other: EntityRecord) -> bool:
            short = words[rec.index]
            # ("University of Quill Asia (UQA)" beside "Widget University of Quill Asia (WUQA)": acronyms of their own)
            own, others = _acronyms_of(rec), _acronyms_of(other)
            return rec.source != "gazetteer" and len(short) >= 2 and bool(set(short) & _INSTITUTION_HEADS) \
                and _inside(short, words[other.index]) and not (own and others and not own & others)

        return _fold_into_the_only_match(orgs, named_inside)

    def merge_initialisms(self) -> dict[int, int]:
        """Fold an acronym the text never defines ("WTRP") into the one organisation whose capitalised
        words it spells ("Widget Trust Research Programme", hyphenated parts counted apart).

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        orgs = [r for r in self.records if r.kind == "organization"]
        initials = {r.index: "".join(w[0] for w in re.split(r"[\s\-\u2010\u2013]+", r.label) if w[:1].isupper())
                    for r in orgs if len(r.label.split()) >= 2}
        return _fold_into_the_only_match(orgs, lambda rec, other: rec.source != "gazetteer" and bool(
            re.fullmatch(r"[A-Z]{3,8}", rec.label)) and initials.get(other.index) == rec.label)

    def merge_abbreviated_venues(self) -> dict[int, int]:
        """Fold a venue named by its abbreviated title ("Ind. Eng. Chem. Res.", as a reference list
        writes it) into the one named in full in the text ("Industrial & Engineering Chemistry Research"),
        and one named without the word before its colon into the whole name.

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        venues = [r for r in self.records if r.kind == "venue"]
        # ("Journal of Quills" of "Widgetry: Journal of Quills": a name read without the word before its colon)
        return _fold_into_the_only_match(venues, lambda rec, other: abbreviates_title(rec.label, other.label) or (
            ":" in other.label and other.label.split(":", 1)[1].strip() == rec.label))

    def merge_people_named_as_venues(self) -> dict[int, int]:
        """Fold a person the model read in a journal's name ('"Title", Acta Widgetica, 2022') into the venue
        the text names so (a titled person is someone, whatever a venue is called).

        Returns the mapping of removed indices to kept ones (callers re-point facts).
        """
        venues = {fold(r.label): r for r in self.records if r.kind == "venue"}
        return {rec.index: fold_into(rec, venues[fold(rec.label)]) for rec in self.records
                if rec.kind == "person" and rec.source == "ner" and fold(rec.label) in venues}

    def __iter__(self):
        return iter(self.records)


_BODY_TAILS = frozenset({"technologies", "technology", "labs", "systems", "solutions", "software", "consulting",
                         "group", "inc", "ltd", "limited", "corporation", "corp", "company", "partners", "studios",
                         "ventures", "networks", "analytics", "foundation", "trust", "initiative", "institute"})
# Last words of a name that make it a part of the body named by its first word.
_PART_TAILS = frozenset({"center", "centre", "lab", "laboratory", "department", "division", "unit"})
_INSTITUTION_HEADS = frozenset({"university", "universitat", "universiteit", "universidad", "universidade", "universite",
                                "universita", "college", "institute", "polytechnic", "politecnico"})


# Words after a university's name that make a part of it, not a campus ("… Medical School").
_UNIT_WORDS = frozenset({"school", "faculty", "department", "center", "centre", "hospital", "press", "library", "lab",
                         "laboratory", "medical", "health", "business", "law", "graduate", "system", "and", "for"})


def _inside(short: list[str], long: list[str]) -> bool:
    """Is ``short`` a run of ``long`` with one or two other words before it and nothing or "de <place>" after?"""
    for start in (1, 2):
        end = start + len(short)
        if long[start:end] == short and not set(long[:start]) & _INSTITUTION_HEADS \
                and (end == len(long) or (long[end] in PLACE_PARTICLES and len(long) - end <= 3)):
            return True
    return False


def _acronyms_of(rec: EntityRecord) -> set[str]:
    """The acronyms a record is known by ("UCA" of "University of Central Asia (UCA)")."""
    return {a for a in (rec.label, *rec.aliases) if re.fullmatch(r"[A-Z][A-Z&-]{1,9}", a)}


def _fold_into_the_only_match(records: list[EntityRecord],
                              matches: Callable[[EntityRecord, EntityRecord], bool]) -> dict[int, int]:
    """Fold each record into the one other record it ``matches`` (none or several: it stays), in order;
    a record already folded is no target. Returns removed index -> kept index."""
    mapping: dict[int, int] = {}
    for rec in records:
        found = [r for r in records if r is not rec and r.index not in mapping and matches(rec, r)]
        if len(found) == 1:
            mapping[rec.index] = fold_into(rec, found[0])
    return mapping


def fold_into(rec: EntityRecord, target: EntityRecord) -> int:
    """Make ``rec``'s spellings and mentions ``target``'s; return ``target``'s index."""
    target.aliases.add(rec.label)
    target.aliases.update(rec.aliases)
    target.count += rec.count
    return target.index
