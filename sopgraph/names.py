"""Person names: titles, possessives, keys and the "same person?" test.

Shared by extraction (cleaning mentions) and resolution (merging them), so both stages
agree on what one person is.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from . import titles

# Any run of titles before a name ("Assoc. Prof. Dr. ", "Ing. ", "dr hab. "), in any case.
_TITLE = re.compile(
    r"^(?:(?:" + titles.alternation("rank") + r"\s+)?" + titles.alternation("academic") + r"\s+"
    r"|" + titles.alternation(*titles.NAME_TITLES, "after_title", "plural") + r"\s+)+",
    re.I,
)
# An academic or professional title written before a name inside running text ("Prof. ", "Dra. ",
# "Assoc. Prof. ", "Engr. ", "Ir. ", "Dr hab. "), for the expressions that find a name after a role or a cue.
TITLE_BEFORE_NAME = ("(?:(?:" + titles.alternation("rank") + r"\s+)?" + titles.alternation("academic", "professional")
                     + r"(?:\s+" + titles.alternation("after_title") + r"){0,2}\s+)")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del", "della", "bin", "al", "ibn",
                       "dos", "das", "ten", "ter", "delos", "i", "y", "e", "los", "las", "des", "degli", "binti", "bint"})
"""Lower-case words inside surnames ("van der Linden", "Ferreira dos Santos", "bin Abdullah", "delos Reyes",
"de los Reyes", "binti Kamaruddin", "Casals i Puig", "Ortega y Gasset", "Sousa e Lima")."""


PLACE_PARTICLES = frozenset({"of", "de", "del", "do", "da", "di", "des", "du"})
"""The small words before a place in a name ("Universidad de X", "University of X")."""

# The particles as a regular-expression alternation, longest first ("della" before "de").
PARTICLE_ALTERNATION = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"


def is_particle(word: str) -> bool:
    """Is ``word`` a lower-case surname particle ("dos" of "Ferreira dos Santos", "van der")?"""
    return word in PARTICLES  # written in lower case: "E." and "Y." are initials, "De Souza" a surname
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md"})


# Letters Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "ħ": "h",
                               "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                               "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII folding used for comparing names."""
    # Memoised: each person mention is compared with every person record of its document,
    # so the same few hundred names are folded thousands of times per statement.
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def split_title(text: str) -> tuple[str, str | None]:
    """Split a leading title off a name: ``"Prof. Miriam Castellanos's"`` → ``("Miriam Castellanos", "Prof.")``."""
    text = " ".join(text.split()).strip(" ,;:()[]\"'“”")
    text = _POSSESSIVE.sub("", text)
    match = _TITLE.match(text)
    title = match.group(0).strip() if match else None
    name = cut_at_sentence_end(text[match.end():] if match else text)
    return name.strip(" ,.;:") if not re.search(r"\b[A-Z]\.$", name.strip()) else name.strip(" ,;:"), title


# Abbreviated given names that keep their full stop inside a name: "Md. Tanvir Hasan" (Mohammad),
# "Mohd. Faiz", "Muh. Rizky".
_NAME_ABBREVIATIONS = frozenset({"md.", "mohd.", "muhd.", "moh.", "muh.", "mohd", "md"})


def cut_at_sentence_end(name: str) -> str:
    """'Castellanos. To' → 'Castellanos': a full stop after a word (not an initial) ends a name."""
    out = []
    for tok in name.split():
        out.append(tok)
        if tok.endswith(".") and len(tok.rstrip(".")) > 1 and tok.lower() not in _NAME_ABBREVIATIONS:
            out[-1] = tok.rstrip(".")
            break
    return " ".join(out)


def name_tokens(name: str) -> list[str]:
    """Folded name tokens without suffixes (``Jr.``, ``PhD``)."""
    return [t for t in fold(name).split() if t not in _SUFFIXES]


def surname(name: str) -> str:
    """The folded last name token ('' for an empty name)."""
    toks = name_tokens(name)
    return toks[-1] if toks else ""


def is_initial(token: str) -> bool:
    """True for a one-letter folded token (an initial)."""
    return len(token) == 1


def compatible(a: str, b: str, *, fuzzy: bool = False) -> bool:
    """Could ``a`` and ``b`` name the same person?

    Surnames must agree (exactly, or by a fuzzy ratio ≥ 85 when ``fuzzy``, for misspellings
    inside one document); given names must agree or one must be the other's initial. A bare
    surname is compatible with any full name of that surname — callers decide whether that
    is safe in their scope.
    """
    words_a, words_b = a.split(), b.split()
    if (len(words_a) == 1 or len(words_b) == 1) and words_a and words_b and "-" in words_a[-1] + words_b[-1] \
            and fold(words_a[-1]) == fold(words_b[-1]):
        return True  # "Ben-Ami" alone is the surname of "Noa Ben-Ami", not a given name "Ben"
    for bare, full in ((words_a, words_b), (words_b, words_a)):
        # "Sabaté" alone for "Núria Sabaté i Roig", "García" for "Ana García y Roe": the first of two surnames
        # joined by "i" or "y"
        if len(bare) == 1 and len(full) >= 4 and any(
                full[k].lower() in ("i", "y") and fold(full[k - 1]) == fold(bare[0]) for k in range(2, len(full) - 1)):
            return True
        # "Professor Imboden" for "Regula Imboden-Schärli": the first of two surnames joined by a hyphen
        if len(bare) == 1 and len(full) >= 2 and "-" in full[-1] and "-" not in bare[0] \
                and fold(full[-1].split("-")[0]) == fold(bare[0]) and bare[0][:1].isupper():
            return True
    # "van der Linden" is a surname with particles, not a given name "van".
    ta = name_tokens(_without_leading_particles(a))
    tb = name_tokens(_without_leading_particles(b))
    if not ta or not tb:
        return False
    sa, sb = ta[-1], tb[-1]
    if sa != sb and not (fuzzy and min(len(sa), len(sb)) >= 3 and fuzz.ratio(sa, sb) >= 85):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    fa, fb = ta[0], tb[0]
    if fa == fb or (is_initial(fa) and fb.startswith(fa)) or (is_initial(fb) and fa.startswith(fb)):
        return True
    return fuzzy and len(fa) > 3 and fuzz.ratio(fa, fb) >= 80


def _without_leading_particles(name: str) -> str:
    """'van der Linden' → 'Linden': a surname whose particles came first has no given name (an
    initial such as the "E." of "E. J. Hwang" is no particle)."""
    words = name.split()
    while len(words) > 1 and is_particle(words[0]):
        words = words[1:]
    return " ".join(words)


def looks_like_name(name: str) -> bool:
    """Shape test: 1–5 capitalised alphabetic tokens (initials and particles allowed).

    Particles do not count towards the five ("María José de la Fuente Villalobos").
    """
    toks = name.replace(".", ". ").split()
    if not 1 <= len([t for t in toks if t.lower() not in PARTICLES]) <= 5 or len(toks) > 8:
        return False
    if len(toks) > 1 and all(len(t.strip(".-’'")) <= 1 for t in toks):
        return False  # initials alone name nobody ("P.O." of a box number)
    for tok in toks:
        bare = tok.strip(".-’'")
        if not bare:
            return False
        if bare.lower() in PARTICLES:
            continue
        particle, _, rest = bare.partition("-")
        if rest and particle.lower() in PARTICLES and particle.islower():
            bare = rest  # "al-Asadi", "el-Sayed": a particle joined to the surname by a hyphen
        if not bare[0].isupper() or any(c.isdigit() for c in bare):
            return False
        if len(bare) > 1 and bare.isupper() and not name.isupper():
            return False  # an acronym ("ML", "IBM") inside a mixed-case phrase
        if not all(c.isalpha() or c in "-’'" for c in bare):
            return False
        if not fold(bare):
            return False  # another script ("Бектурова"): names are compared in Latin letters
    return True


def surname_marked(name: str) -> bool:
    """Is ``name`` written surname first, the surname in capitals ("NGUYỄN Văn Long", "DUPONT Marie")?"""
    words = name.split()
    return (len(words) >= 2 and len(words[0]) >= 2 and words[0].isupper() and words[0].isalpha()
            and all(w[0].isupper() and not w.isupper() for w in words[1:]))


def given_first(name: str) -> str:
    """The name in given-name-first order when it is surname-marked ("NGUYỄN Văn Long" → "Văn Long Nguyễn")."""
    return reordered(name)[0] if surname_marked(name) else name


def same_person_reordered(a: str, b: str) -> bool:
    """"Trần Quang Huy" in the text and "Q. H. Tran" or "Quang Huy Tran" in a reference: one
    name written surname first, the other given names first (as initials, or in full when a
    reference wrote "Tran, Quang Huy")."""
    for full, short in ((a, b), (b, a)):
        short_tokens, full_tokens = name_tokens(short), name_tokens(full)
        if len(short_tokens) < 2 or any(is_initial(t) for t in full_tokens) or compatible(full, short):
            continue
        if all(is_initial(t) for t in short_tokens[:-1]):
            return any(compatible(short, form) for form in reordered(full))
        # written out: the surname moved from the front to the end, the given names the last ones
        # of the full name ("Văn Ada Quill" for "Quill Thị Văn Ada")
        given = short_tokens[:-1]
        if not any(is_initial(t) for t in short_tokens) and short_tokens[-1] == full_tokens[0] \
                and full_tokens[1:][-len(given):] == given:
            return True
    return False


def reordered(name: str) -> list[str]:
    """Given-name-first forms of a name that may be written surname first ("Trần Quang Huy").

    "Quang Huy Trần", and with one given name each ("Huy Trần", the name a Vietnamese author
    signs with): what a reference list's "Q. H. Tran" or "H. Tran" can be compared with.
    """
    words = name.split()
    if len(words) < 2 or any(is_particle(w) for w in words):
        return []
    surname, given = words[0].capitalize() if words[0].isupper() else words[0], words[1:]
    return list(dict.fromkeys([" ".join([*given, surname]), *(f"{g} {surname}" for g in given)]))


def fullness(name: str) -> tuple[int, int]:
    """Sort key preferring names with more non-initial tokens, then longer."""
    toks = name_tokens(name)
    return (sum(1 for t in toks if not is_initial(t)), len(name))


def surname_first_forms(name: str) -> list[str]:
    """How a reference list may write "S. M. Reddy": "Reddy SM" (Vancouver), "Reddy, S. M." (APA) …

    Empty unless the name is initials followed by one surname word.
    """
    parts = name.split()
    if len(parts) < 2 or not all(re.fullmatch(r"[A-Z]\.", p) for p in parts[:-1]):
        return []
    last, letters = parts[-1], [p[0] for p in parts[:-1]]
    dotted = " ".join(f"{c}." for c in letters)
    return [f"{last} {''.join(letters)}", f"{last}, {dotted}", f"{last}, {''.join(c + '.' for c in letters)}", f"{last} {dotted}"]


def written_forms(name: str, *, initials: bool = False) -> list[str]:
    """The forms an author line may give ``name`` in: as written, given-name-first when the
    surname is marked ("NGUYỄN Văn Long"), and with only the first of two surnames ("M. J.
    Quiroga" for "María José Quiroga Henríquez").

    With ``initials`` (an author written with initials), also without the first of several
    given names ("H. Siddiqui" for "Muhammad Hamza Siddiqui"); a full name such as "Tariq
    Mehmood Siddiqui" is someone else, often a relative.
    """
    forms = [name, *reordered(name)] if surname_marked(name) else [name]
    words = name.split()
    if len(words) >= 3 and not surname_marked(name) and not is_particle(words[-2]):
        forms.append(" ".join(words[:-1]))
    if initials and len(words) >= 3 and not surname_marked(name) and not any(is_particle(w) for w in words):
        forms.append(" ".join(words[1:]))
    return forms


def cut_at_particle(label: str, name: str) -> bool:
    """Is ``label`` the name cut where its surname's particle begins ("Rosario D. delos" of
    "Rosario Dimaculangan delos Reyes")?"""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if k > 0 and is_particle(w)), None)
    if cut is None or cut < 2:
        return False
    mine = label.split()
    while mine and is_particle(mine[-1]):
        mine.pop()
    return len(mine) >= 2 and compatible(" ".join(mine), " ".join(words[:cut]))
