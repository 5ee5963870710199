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
