"""Word lists -> regular expressions: the small engine that compiles the lexicon's words into patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def alternation(words: list[str] | set[str] | frozenset[str], boundary: bool = True, lead: bool = True) -> str:
    """One alternation of ``words`` with shared prefixes factored out ("tw(?:o|elve|enty)"), so the regex
    engine branches on a letter instead of trying every word at every position.

    Spaces in a word match any whitespace. With ``boundary``, a word that starts (if ``lead``) or ends
    with a letter or digit must start or end a word of the text. The longest word that fits wins,
    with backtracking to shorter ones, as in a longest-first list of alternatives."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], last: str) -> str:
        branches = [re.escape(ch).replace(r"\ ", r"\s+") + emit(sub, ch) for ch, sub in sorted(node.items()) if ch]
        if "" in node:  # a word ends here: after the longer words, try it
            branches.append(r"(?![\w])" if boundary and last.isalnum() else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    # Words that must start a word of the text share one look-behind, tested once per position.
    bounded: list[str] = []
    free: list[str] = []
    for ch, sub in sorted(tree.items()):
        branch = re.escape(ch).replace(r"\ ", r"\s+") + emit(sub, ch)
        (bounded if boundary and lead and ch.isalnum() else free).append(branch)
    if bounded:
        free.insert(0, r"(?<![\w])(?:" + "|".join(bounded) + ")")
    return "|".join(free)


def words_alt(words: Iterable[str], blank: str = r"[ \t]+") -> str:
    r"""One alternation of ``words``, longest first, each escaped; a space in a word matches ``blank``
    and a final "*" any letters after the stem ("increas*": "increase", "increasing").

    >>> print(words_alt(["in", "out of", "increas*"]))
    increas\w*|out[ \t]+of|in
    """
    out = []
    for w in sorted(words, key=len, reverse=True):
        stem = w[:-1] if w.endswith("*") else w
        out.append(re.escape(stem).replace(r"\ ", blank) + (r"\w*" if w.endswith("*") else ""))
    return "|".join(out)
