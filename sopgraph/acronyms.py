"""Does a short form abbreviate a long one? Tests shared by the mention and venue rules."""
from __future__ import annotations

from collections.abc import Sequence


def word_prefixes_spell(short: str, words: Sequence[str]) -> bool:
    """Is ``short`` the words' beginnings, in order: "WASREB" of "Water Services Regulatory Board"?

    Syllable acronyms take a few letters of some words ("WA" + "S" + "RE" + "B"); every
    word gives at least its first letter, so "WB" does not abbreviate "Water Services Board".
    Case and hyphens in ``short`` do not matter.
    """
    letters = "".join(ch for ch in short.upper() if ch.isalnum())
    parts = [w.upper() for w in words if w]
    if not letters or not parts or len(letters) > sum(len(p) for p in parts):
        return False

    def spell(i: int, k: int) -> bool:
        if k == len(parts):
            return i == len(letters)
        word = parts[k]
        # the word gives its first 1..n letters
        for n in range(1, min(len(word), len(letters) - i) + 1):
            if letters[i + n - 1] != word[n - 1]:
                break
            if spell(i + n, k + 1):
                return True
        return False

    return spell(0, 0)


# Words an abbreviated title leaves out ("Journal of the Widget Society" → "J. Widget Soc.").
_SKIPPED = frozenset({"of", "the", "and", "&", "for", "in", "on", "und", "de", "la", "et", "a", "an"})


def abbreviates_title(short: str, long: str) -> bool:
    """Is ``short`` the ISO 4 abbreviation of the title ``long``: "Ind. Eng. Chem. Res." of
    "Industrial & Engineering Chemistry Research"?

    Word for word, each word of ``short`` begins the long title's word; small words are left
    out of both. At least two words must be cut short, and the short title must show a full
    stop (a list may have trimmed its last one), so that two unrelated titles never meet.
    """
    def words(text: str) -> list[str]:
        return [w.strip(".").lower() for w in text.replace(",", " ").split() if w.lower().strip(".") not in _SKIPPED]

    shorts, longs = words(short), words(long)
    if "." not in short or len(shorts) != len(longs) or not all(shorts):
        return False
    pairs = list(zip(shorts, longs))
    return all(w.startswith(s) for s, w in pairs) and sum(len(s) < len(w) for s, w in pairs) >= 2
