#!/usr/bin/env python3
"""Build sopgraph's organization and venue gazetteers.

Run from the repository root (the shared data directory sits beside the repository)::

    .venv/bin/python scripts/build_gazetteers.py
    .venv/bin/python scripts/build_gazetteers.py --data-dir ../shared/data \
        --out-dir sopgraph/data/gazetteers

Inputs:
  * ``world_universities_and_domains.json`` and ``core_conference_ranks.csv`` from
    ``--data-dir`` (default ``../shared/data`` relative to the repository root);
  * the curated lists in ``scripts/gazetteer_sources/*.json`` (each file's ``_comment``
    explains its format).

Outputs (in ``--out-dir``, default ``sopgraph/data/gazetteers``): ``organizations.jsonl``,
``venues.jsonl`` and ``ambiguous.jsonl`` (keys shared by several records). Records are
sorted by id and written as UTF-8 JSON, one per line, so two runs give identical bytes.

Aliases come from three places, in decreasing authority: canonical names, curated
aliases, and aliases derived by general rules (see :func:`derive_aliases`). When one
lookup key would lead to two records, the more authoritative text wins; a tie drops the
alias from every record (names are always kept) and lists the key in ``ambiguous.jsonl``.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # so the script also runs without an installed package
    sys.path.insert(0, str(REPO))

from sopgraph.gazetteer import (  # noqa: E402  (after the sys.path fix above)
    AMBIGUOUS_FILE, ORG_FILE, VENUE_FILE, fold_accents, lookup_key, normalize, strip_edition,
)

SOURCES = Path(__file__).resolve().parent / "gazetteer_sources"
# Authority of a text; the lowest rank under a lookup key wins it. LISTED: acronyms as the
# CORE list gives them, which two conferences may share.
NAME, CURATED, LISTED, DERIVED = 0, 1, 2, 3
RANK_ORDER = {"A*": 0, "A": 1, "B": 2, "C": 3}
# Abbreviations that statements of purpose use for fields, degrees, tests and tools: a
# listed acronym or a derived alias spelled like one would turn every "MS in ECE" or
# "MATLAB" into a venue or an institution.
RESERVED = frozenset("""
    AI ML DL NLP CV CS CSE EE ECE EECS ME CE IT IS HCI RL IR DB OS PL SE PHD MS MSC BS BSC BA
    MA MBA MENG BTECH MTECH GPA GRE TOEFL IELTS USA US UK EU UAE TA RA PI API GPU CPU IOT VR AR
    LLM NN CNN RNN GAN SQL STEM MATLAB HASKELL PYTHON JAVA LINUX BROADCOM
    """.split())

_PAREN = re.compile(r"(.*?)\s*\(([^()]*)\)\s*(.*)")
_SEPARATOR = re.compile(r"\s*,\s+|\s+[-–—]\s+|(?<=\w)[–—](?=\w)|\s+at\s+")
# Words that make "X University" ↔ "University of X" wrong ("State University").
_NOT_A_PLACE = frozenset("""
    state national technical technological normal agricultural medical open catholic christian
    islamic international american federal polytechnic pedagogical science sciences technology
    metropolitan central western eastern northern southern north south east west northeastern
    northwestern southeastern southwestern middle new city community public private free royal
    global european asian african arab baptist methodist lutheran presbyterian adventist
    wesleyan pacific atlantic virtual union united people peoples women womens military naval
    art arts music business management health education teachers theological bible
    """.split())


class BuildError(Exception):
    """A curated source refers to something that does not exist, or contradicts itself."""


def slug(text: str) -> str:
    """Stable ASCII id fragment: ``"Universität Zürich"`` → ``"universitat-zurich"``."""
    text = re.sub(r"[’']", "", fold_accents(text).lower().replace("&", " and "))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _add(record: dict, texts, rank: int) -> None:
    for text in texts:
        if not text:
            continue
        text = " ".join(str(text).split())
        if rank >= LISTED and text.upper() in RESERVED:
            continue
        if text and text != record["name"]:
            aliases = record["_aliases"]
            aliases[text] = min(rank, aliases.get(text, rank))


# ------------------------------------------------------------------ universities ----
def defines_acronym(acronym: str, text: str) -> bool:
    """Whether ``acronym`` spells initials of ``text`` in order ("MBZUAI", "WCU")."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9&]*", acronym) or sum(map(str.isupper, acronym)) < 2:
        return False
    letters = [c for c in acronym.upper() if c.isalnum()]
    position = 0
    for word in re.findall(r"[^\W_]+", fold_accents(text)):
        if position < len(letters) and word[0].upper() == letters[position]:
            position += 1
    return position == len(letters)


def _acronym_like(token: str) -> bool:
    """A short token mostly in capitals: "ETHZ", "ZHdK" (not "McGill", "LaCrosse")."""
    capitals = sum(map(str.isupper, token))
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9&]{1,7}", token)) \
        and capitals >= max(2, len(token) / 2)


def clean_name(name: str) -> tuple[str, list[str]]:
    """Canonical form of a listed name and the aliases its own text defines.

    "Mohamed bin Zayed University of Artificial Intelligence (MBZUAI)" → the name without
    the parenthesis, alias "MBZUAI"; "ETHZ - ETH Zurich" → "ETH Zurich", alias "ETHZ".
    A parenthesis that is not an acronym of the name ("(Paris IX)", "(NY)") stays in the
    name and the name without it becomes an alias.
    """
    canonical, aliases = re.sub(r"\s+,", ",", name), []
    match = _PAREN.fullmatch(canonical)
    if match:
        base, inner = " ".join(f"{match[1]} {match[3]}".split()), match[2].strip()
        if defines_acronym(inner, base):
            canonical, aliases = base, [inner, name]
        else:
            aliases.append(base)
            aliases += numbered_aliases(base, inner)
    match = re.fullmatch(r"(\S+)\s+[-–]\s+(.+)", canonical)
    if match and _acronym_like(match[1]) and len(match[2].split()) >= 2:
        aliases += [match[1], canonical]
        canonical = match[2]
    match = re.fullmatch(r"(.+?)\s+[-–]\s+(\S+)", canonical)
    if match and defines_acronym(match[2], match[1]):
        aliases += [match[2], match[1]]
    return canonical, aliases


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
          "XII": 12, "XIII": 13}


def numbered_aliases(base: str, note: str) -> list[str]:
    """The ways French universities numbered within their city are written, from the list's
    "Université Claude Bernard (Lyon I)": "Université Lyon 1 Claude Bernard", "Université Claude
    Bernard Lyon 1", "Lyon 1 Claude Bernard", "Université Lyon 1" (and the same with "I")."""
    match = re.fullmatch(r"([A-Z][\w-]*) ([IVX]+)", note)
    words = base.split(maxsplit=1)
    if not match or match[2] not in _ROMAN or len(words) < 2 or fold_accents(words[0]).lower() != "universite":
        return []
    city, numbers, rest = match[1], (str(_ROMAN[match[2]]), match[2]), words[1]
    return [form for n in numbers for form in (f"{words[0]} {city} {n} {rest}", f"{base} {city} {n}",
                                                f"{base} - {city} {n}", f"{city} {n} {rest}", f"{words[0]} {city} {n}")]


def derive_aliases(name: str, prefixes: dict[str, str], swap: bool = True) -> set[str]:
    """Aliases of a university name by general rules.

    * a leading "The" may be dropped;
    * "Base, Place" ↔ "Base - Place" ↔ "Base Place" (and "Base at Place" for
      "University of …"), and "X College, University of Y" ↔ "X, University of Y";
    * a campus of a system: see :func:`campus_aliases`;
    * "University of X" ↔ "X University" for a plain place name X, if ``swap`` (in the
      United States the two are often different institutions: Washington University and
      the University of Washington, Miami University and the University of Miami);
    * "&" ↔ "and", and the name without accents.
    Initial-letter acronyms are never invented here: they are curated or defined by the name.
    Lookups ignore punctuation, case and accents anyway; the spelled-out variants are for
    phrase matching, which works on tokens.
    """
    form = name[4:] if name.lower().startswith("the ") else name
    out = {form, fold_accents(name)} | campus_aliases(form, prefixes)
    parts = _SEPARATOR.split(form)
    if len(parts) == 2 and len(parts[0].split()) >= 2 and parts[1][:1].isupper() \
            and len(parts[1].split()) <= 4:
        base, place = parts
        out |= {f"{base}, {place}", f"{base} - {place}", f"{base} {place}"}
        if base.startswith("University of") or " at " in form:
            out.add(f"{base} at {place}")
        if base.endswith(" College") and place.startswith("University of") and len(base.split()) >= 2:
            # a college of a federal university goes by its name alone: "Goldsmiths, University of London"
            short = base[: -len(" College")]
            out |= {f"{short}, {place}", f"{short} - {place}", f"{short} {place}"}
    match = re.fullmatch(r"University of ((?:[A-Z][\w'.-]*\s?){1,2})", form)
    if swap and match and not set(normalize(match[1]).split()) & _NOT_A_PLACE:
        out.add(f"{match[1].strip()} University")
    match = re.fullmatch(r"((?:[A-Z][\w'.-]*\s){1,2})University", form)
    if swap and match and not set(normalize(match[1]).split()) & _NOT_A_PLACE:
        out.add(f"University of {match[1].strip()}")
    if " & " in name:
        out.add(name.replace(" & ", " and "))
    if " and " in name:
        out.add(name.replace(" and ", " & "))
    out.discard(name)
    return out


def campus_aliases(name: str, prefixes: dict[str, str]) -> set[str]:
    """"University of California, Berkeley" → "UC Berkeley", "UC-Berkeley".

    The table of systems and their short forms is curated (``system_prefixes``); the rule
    applies it to every campus the list carries.
    """
    out = set()
    for prefix, short in prefixes.items():
        if name.casefold().startswith(prefix.casefold()):
            match = re.fullmatch(r"(?:\s*,\s*|\s*[-–—]\s*|\s+at\s+|\s+)([A-Z][^,()/]*)",
                                 name[len(prefix):])
            if match and len(match[1].split()) <= 3:
                campus = match[1].strip()
                out |= {f"{short} {campus}", f"{short}-{campus}"}
    return out


def load_universities(path: Path) -> tuple[list[dict], dict[str, str]]:
    """Dataset entries as records, one per (name, country); country names by code."""
    raw = _read_json(path)
    counts: dict[str, Counter] = defaultdict(Counter)
    for item in raw:
        counts[item["alpha_two_code"]][item["country"]] += 1
    # The list spells some countries two ways ("Viet Nam"/"Vietnam"): keep the usual one.
    countries = {code: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                 for code, c in counts.items()}
    groups: dict[tuple[str, str], dict] = {}
    for item in raw:
        name, code = " ".join(item["name"].split()), item["alpha_two_code"]
        # Same name in the same country: one institution listed under several domains.
        record = groups.get((normalize(name), code))
        if record is None:
            record = groups[(normalize(name), code)] = new_org(
                name, "University", code, countries[code], (item["web_pages"] or [None])[0])
        for domain in item["domains"]:
            if domain.lower() not in record["domains"]:
                record["domains"].append(domain.lower())
    return list(groups.values()), countries


def new_org(name, type_, code, country, url=None, domains=()) -> dict:
    return {"name": name, "type": type_, "country": country, "country_code": code,
            "domains": [d.lower() for d in domains], "url": url, "parent": None,
            "_aliases": {}, "_listed": name, "_prefer": False, "_curated": False}


def apply_university_sources(records: list[dict], source: dict, countries: dict) -> None:
    """Curated renames, merges, additions, aliases and preferences (university_aliases.json)."""
    by_listed: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_listed[record["_listed"]].append(record)

    def find(name: str, code: str | None) -> dict:
        found = [r for r in by_listed.get(name, []) if code in (None, r["country_code"])]
        if len(found) != 1:
            raise BuildError(f"university {name!r} ({code}) matches {len(found)} listed entries")
        return found[0]

    for entry in source["universities"]:
        if "add" in entry:
            add = entry["add"]
            if add["name"] in by_listed:
                raise BuildError(f"{add['name']!r} is already listed; use its entry instead")
            record = new_org(add["name"], "University", add["country_code"],
                             countries.get(add["country_code"], add.get("country")),
                             add.get("url"), add.get("domains", ()))
            records.append(record)
            by_listed[add["name"]].append(record)
        else:
            record = find(entry["name"], entry.get("country_code"))
        record["domains"] += [d for d in entry.get("domains", ()) if d not in record["domains"]]
        for other_name in entry.get("merge", ()):
            other = find(other_name, record["country_code"])
            records.remove(other)
            record["domains"] += [d for d in other["domains"] if d not in record["domains"]]
            _add(record, [other["name"]], CURATED)
        if "canonical" in entry:
            record["_canonical"] = entry["canonical"]
        record["type"] = entry.get("type", record["type"])
        record["_prefer"], record["_curated"] = entry.get("prefer", False), True
        _add(record, entry.get("aliases", ()), CURATED)


def merge_namesakes(records: list[dict]) -> list[dict]:
    """One record per (name, country) also after renaming ("Shanghai Jiaotong University"
    renamed to the listed "Shanghai Jiao Tong University"); the curated record absorbs the other."""
    kept: dict[tuple[str, str], dict] = {}
    for record in sorted(records, key=lambda r: not r["_curated"]):
        key = (normalize(record["name"]), record["country_code"])
        if key not in kept:
            kept[key] = record
            continue
        target = kept[key]
        target["domains"] += [d for d in record["domains"] if d not in target["domains"]]
        for text, rank in record["_aliases"].items():
            _add(target, [text], rank)
        _add(target, [record["name"], record["_listed"]], DERIVED)
    kept_ids = {id(r) for r in kept.values()}
    return [r for r in records if id(r) in kept_ids]


def build_orgs(data_dir: Path) -> tuple[list[dict], list[dict], list[str]]:
    """Organization records (universities, then curated companies and institutes),
    the ambiguous keys and the warnings."""
    records, countries = load_universities(data_dir / "world_universities_and_domains.json")
    uni_source = _read_json(SOURCES / "university_aliases.json")
    apply_university_sources(records, uni_source, countries)
    prefixes = uni_source["system_prefixes"]
    name_counts = Counter(normalize(r["_listed"]) for r in records)
    for record in records:
        canonical, defined = clean_name(record["name"])
        canonical = record.pop("_canonical", canonical)
        _add(record, defined, DERIVED)
        listed, record["name"] = record["name"], canonical
        _add(record, [listed], DERIVED)
        _add(record, derive_aliases(canonical, prefixes, record["country_code"] != "US"), DERIVED)
        for form in defined:  # "Indian Institute Of Technology–Ropar" → "IIT Ropar"
            _add(record, campus_aliases(form, prefixes), DERIVED)
        if name_counts[normalize(record["_listed"])] > 1:  # namesakes in other countries
            _add(record, [f"{canonical} ({record['country'].split(',')[0]})"], DERIVED)
        record["_aliases"].pop(record["name"], None)

    records = merge_namesakes(records)
    by_key = {normalize(r["name"]): r for r in records}
    by_key.update({normalize(r["_listed"]): r for r in records})
    for filename in ("companies.json", "organizations.json"):
        for entry in _read_json(SOURCES / filename)["entries"]:
            code = entry.get("country_code")
            existing = by_key.get(normalize(entry.get("same_as", entry["name"])))
            if existing and "same_as" not in entry and existing["country_code"] != code:
                existing = None  # a namesake abroad, not the same institution
            country = countries.get(code, entry.get("country")) if code else None
            record = existing or new_org(entry["name"], entry["type"], code, country)
            if existing is None:
                records.append(record)
            else:  # a research institute that the university list also carries
                _add(record, [record["name"]], CURATED)
                record.update(name=entry["name"], type=entry["type"])
            record["url"] = entry.get("url", record["url"])
            record["domains"] += [d.lower() for d in entry.get("domains", ())
                                  if d.lower() not in record["domains"]]
            record["_parent_name"] = entry.get("parent")
            _add(record, entry.get("aliases", ()), CURATED)
            by_key[normalize(entry["name"])] = record
    for record in records:
        record["_aliases"].pop(record["name"], None)

    assign_ids(records, lambda r: [slug(r["name"]),
                                   f"{slug(r['name'])}-{(r['country_code'] or r['type']).lower()}"])
    by_name: dict[str, list[str]] = defaultdict(list)
    for record in records:
        by_name[record["name"]].append(record["id"])
    for record in records:
        parent = record.pop("_parent_name", None)
        if parent:
            if len(by_name.get(parent, ())) != 1:
                raise BuildError(f"parent {parent!r} of {record['name']!r} names "
                                 f"{len(by_name.get(parent, ()))} records, not one")
            record["parent"] = by_name[parent][0]
    ambiguous, warnings = resolve(records, "org", lambda r: [r["name"]])
    return records, ambiguous, warnings


# ---------------------------------------------------------------------------- venues ----
# CORE notes in parentheses: former names ("(was NIPS)", "(wasEuropean Conference on …)") …
_FORMER = re.compile(r"^(?:(?:[Ww]as|[Pp]reviously|[Ff]ormerly|[Aa]lso known as|[Aa]ka)"
                     r"(?:\s+|(?=[A-Z])))+(?:the\s+)?")
_FORMER_END = re.compile(r"\s*(?:\bchanged\b|\buntil\b|\bprior\b|\bin \d{4}|\bfrom \d{4}|;).*$")
# … and editorial remarks that are not part of the name ("(now AusPDC)", "(merged …)").
_EDITORIAL = re.compile(r"\b(?:now|merged|merger|joined|combined|amalgamation|changed|chnaged|"
                        r"part of|previously|was|added|duplicate|prior|until|since|"
                        r"no information|no longer|even years|includ\w*|incorporating|pre(?= \d))\b", re.I)


def parse_core_title(title: str, acronyms: list[str]) -> tuple[str, list[str]]:
    """Full name of a CORE title and the former names its notes give ("(was NIPS)")."""
    former: list[str] = []
    acronym_keys = {normalize(a) for a in acronyms}

    def note(match: re.Match) -> str:
        inner = match[1].strip()
        if _FORMER.match(inner):
            text = _FORMER_END.sub("", _FORMER.sub("", inner)).strip(" .,")
            words = text.split()
            if len(words) > 1 and _acronym_like(words[-1]):  # "… Multiagent Systems ICMAS"
                former.append(words.pop())
            if len(words) == 1 or len(words) >= 3:
                former.append(" ".join(words))
            return " "
        if _EDITORIAL.search(inner) or normalize(inner) in acronym_keys:
            return " "
        return match[0]

    full = strip_edition(" ".join(re.sub(r"\(([^()]*)\)", note, title).split()))
    match = re.fullmatch(r"(\S+)\s+[-–:]\s+(.+)", full)  # "FIE - Frontiers in Education"
    if match and normalize(match[1]) in acronym_keys:
        full = match[2]
    without = strip_edition(re.sub(r"\([^()]*\)", " ", full))
    return full, former + ([without] if without != full else [])


def load_core(path: Path) -> list[dict]:
    """CORE rows as venue records, rows with the same full name merged."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            title, rank = " ".join(row["titre"].split()), row["rankc"].strip()
            if title:
                rows.append((RANK_ORDER.get(rank, 9), title, row["acronym"].strip()))
    records: dict[str, dict] = {}
    for _, title, raw_acronym in sorted(rows, key=lambda r: r[0]):
        acronym = " ".join(re.sub(r"\([^)]*\)", " ", raw_acronym).split())
        acronym = re.sub(r"\s+(?:\d{1,3}|(?:19|20)\d\d)$", "", acronym)  # "CME 25": an edition
        if not acronym or normalize(acronym) == normalize(title) or len(acronym.split()) > 4 \
                or acronym.upper() in RESERVED:
            acronym = None
        full, former = parse_core_title(title, [acronym] if acronym else [])
        record = records.setdefault(normalize(full), new_venue(full, full, "conference"))
        if re.search(r"\bworkshops?\b", full, re.I) and not re.search(
                r"\b(?:conference|symposium|congress|convention)\b", full, re.I):
            record["type"] = "workshop"
        _add(record, former, DERIVED)
        if acronym:
            record["_acronyms"].append(acronym)
            _add(record, [acronym], LISTED)
            short = re.sub(r"^(?:IEEE|ACM|IFIP|IAPR)[\s_-]+", "", acronym)  # "ACM IMC" → "IMC"
            if _acronym_like(short) and short != acronym:
                _add(record, [short], DERIVED)
            _add(record, {acronym.replace("_", " ")} - {acronym}, DERIVED)
    return list(records.values())


def new_venue(name: str, full_name: str | None, type_: str) -> dict:
    return {"name": name, "full_name": full_name, "type": type_, "_aliases": {}, "_acronyms": []}


def build_venues(data_dir: Path) -> tuple[list[dict], list[dict], list[str]]:
    """Venue records (CORE, then curated edits, journals and preprint servers), the
    ambiguous keys and the warnings."""
    records = load_core(data_dir / "core_conference_ranks.csv")
    acronym_counts = Counter(normalize(a) for r in records for a in dict.fromkeys(r["_acronyms"]))
    for record in records:  # a well-known acronym labels its venue ("NeurIPS")
        if record["_acronyms"] and acronym_counts[normalize(record["_acronyms"][0])] == 1:
            record["name"] = record["_acronyms"][0]

    def find_core(key: str) -> dict:
        found = [r for r in records if normalize(key) in
                 {normalize(a) for a in r["_acronyms"]} | {normalize(r["full_name"])}]
        if len(found) != 1:
            raise BuildError(f"venue_aliases.json: {key!r} matches {len(found)} CORE venues")
        return found[0]

    for entry in _read_json(SOURCES / "venue_aliases.json")["entries"]:
        if "core" in entry:
            record = find_core(entry["core"])
            _add(record, [record["name"], record["full_name"]], CURATED)
        else:
            record = new_venue(entry["name"], None, entry["type"])
            records.append(record)
        record["name"] = entry.get("name", record["name"])
        record["full_name"] = entry.get("full_name", record["full_name"])
        record["type"] = entry.get("type", record["type"])
        _add(record, entry.get("aliases", ()), CURATED)
    by_title = {normalize(r["full_name"]): r for r in records}
    for filename, type_ in (("journals.json", "journal"), ("preprints.json", "preprint")):
        for entry in _read_json(SOURCES / filename)["entries"]:
            # CORE lists a few journals too (IEEE TKDE): one record, typed by the curated list.
            record = by_title.get(normalize(entry.get("full_name") or entry["name"]))
            if record is None:
                record = new_venue(entry["name"], entry.get("full_name"), type_)
                records.append(record)
            else:
                _add(record, [record["name"], *record["_acronyms"]], CURATED)
                record.update(name=entry["name"], type=type_)
            _add(record, entry.get("aliases", ()), CURATED)
    for record in records:
        if record["full_name"] == record["name"]:
            record["full_name"] = None
        record["_aliases"].pop(record["name"], None)
        record["_aliases"].pop(record["full_name"], None)
    assign_ids(records, lambda r: [slug(r["name"]), slug(r["full_name"] or r["name"]),
                                   f"{slug(r['name'])}-{r['type']}"])
    ambiguous, warnings = resolve(records, "venue", lambda r: [r["name"], r["full_name"]])
    return records, ambiguous, warnings


# ------------------------------------------------------------------------- shared ----
def assign_ids(records: list[dict], choices) -> None:
    """Give each record the first unused of its id choices, then a numeric suffix.

    Records are visited in a fixed order, and a choice that several records want is
    skipped by all of them, so ids depend on the data and not on input order.
    """
    remaining = sorted(records, key=lambda r: (
        r["name"], r.get("country_code") or "", r.get("domains") or [""], r["type"]))
    taken: set[str] = set()
    for level in range(len(choices(remaining[0]))):
        wanted = Counter(choices(r)[level] for r in remaining)
        for record in list(remaining):
            candidate = choices(record)[level]
            if wanted[candidate] == 1 and candidate not in taken:
                record["id"] = candidate
                taken.add(candidate)
                remaining.remove(record)
    for record in remaining:
        base, number = choices(record)[-1], 2
        while f"{base}-{number}" in taken:
            number += 1
        record["id"] = f"{base}-{number}"
        taken.add(record["id"])


def resolve(records: list[dict], kind: str, names) -> tuple[list[dict], list[str]]:
    """Drop aliases whose key leads elsewhere; return ambiguous keys and warnings."""
    claims: dict[tuple[bool, str], dict[str, int]] = defaultdict(dict)
    texts: dict[tuple[bool, str], set[str]] = defaultdict(set)
    for record in records:
        items = [(n, NAME) for n in names(record) if n] + list(record["_aliases"].items())
        for text, rank in items:
            key = lookup_key(text)
            claims[key][record["id"]] = min(rank, claims[key].get(record["id"], rank))
            texts[key].add(text)
    preferred = {}
    for record in records:
        if record.get("_prefer"):
            for text, rank in [(record["name"], NAME), *record["_aliases"].items()]:
                if rank <= CURATED:
                    preferred[lookup_key(text)] = record["id"]
    ambiguous, warnings = {}, []
    for key, ranks in claims.items():
        best = min(ranks.values())
        winners = sorted(i for i, r in ranks.items() if r == best)
        if key in preferred and len(ranks) > 1:
            ambiguous[key] = (sorted(ranks), preferred[key])
        elif len(winners) > 1:
            ambiguous[key] = (winners, None)
            if best == CURATED:
                warnings.append(f"{kind} alias {sorted(texts[key])} is claimed by {winners}")
    for record in records:
        for text, rank in list(record["_aliases"].items()):
            key = lookup_key(text)
            ranks = claims[key]
            if key in preferred:
                winner = preferred[key]
            else:
                best = min(ranks.values())
                winners = [i for i, r in ranks.items() if r == best]
                winner = winners[0] if len(winners) == 1 else None
            if winner != record["id"]:  # the key leads elsewhere, or nowhere
                del record["_aliases"][text]
                if rank == CURATED and winner is not None:
                    warnings.append(f"{kind} alias {text!r} of {record['id']} yields to {winner}")
    entries = [{"kind": kind, "alias": min(texts[key], key=lambda t: (t.casefold(), t)),
                "ids": ids, "preferred": pref} for key, (ids, pref) in ambiguous.items()]
    return entries, warnings


def write_jsonl(path: Path, rows) -> None:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _alias_list(record: dict) -> list[str]:
    return sorted(record["_aliases"], key=lambda a: (a.casefold(), a))


def build(data_dir: Path, out_dir: Path) -> list[str]:
    """Build all gazetteer files from ``data_dir`` into ``out_dir``; return warnings."""
    orgs, org_ambiguous, org_warnings = build_orgs(data_dir)
    venues, venue_ambiguous, venue_warnings = build_venues(data_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(out_dir / ORG_FILE, (
        {"id": r["id"], "name": r["name"], "type": r["type"], "aliases": _alias_list(r),
         "country": r["country"], "country_code": r["country_code"], "domains": r["domains"],
         "url": r["url"], "parent": r["parent"]}
        for r in sorted(orgs, key=lambda r: r["id"])))
    write_jsonl(out_dir / VENUE_FILE, (
        {"id": r["id"], "name": r["name"], "full_name": r["full_name"],
         "aliases": _alias_list(r), "type": r["type"]}
        for r in sorted(venues, key=lambda r: r["id"])))
    ambiguous = org_ambiguous + venue_ambiguous
    write_jsonl(out_dir / AMBIGUOUS_FILE, sorted(
        ambiguous, key=lambda e: (e["kind"], e["alias"].casefold(), e["alias"])))
    return sorted(set(org_warnings + venue_warnings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data",
                        help="folder with world_universities_and_domains.json and "
                             "core_conference_ranks.csv")
    parser.add_argument("--out-dir", type=Path, default=REPO / "sopgraph" / "data" / "gazetteers",
                        help="where to write the .jsonl files")
    args = parser.parse_args(argv)
    try:
        warnings = build(args.data_dir, args.out_dir)
    except (BuildError, OSError) as error:
        print(f"build_gazetteers: {error}", file=sys.stderr)
        return 1
    except KeyError as error:  # a curated entry without a required key
        print(f"build_gazetteers: a curated entry lacks the key {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
