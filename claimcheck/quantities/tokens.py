"""Lexing: the tokens of a written number (digits, fraction signs, number words) and the joiners between them."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field

from .chars import FOLD, SPACES
from .kinds import DIGITS, FRACTION_SIGN, TokenKind
from .lexicon import NumberWord, number_lexicon

MAX_CHAIN_TOKENS = 40  # a written number longer than this is not one number
MAX_EXPONENT = 300  # written powers of ten beyond this leave the float range


@dataclass(slots=True)
class Token:
    typ: TokenKind
    value: float
    start: int
    end: int
    join: str | None  # None: first token; "" spaces only; else the joiner word/char
    raw: str
    is_int: bool = True
    decimals: int = 0
    den: bool = False  # digits written as a fraction "1/2"


@dataclass(slots=True)
class Chain:
    """The tokens last scanned in a text. In a run of figures ("1,1,1,...", "½⅓ ½⅓ ...") the next
    figure starts at one of them, and a scan from there reads the same tokens after it."""

    toks: list[Token] = field(default_factory=list)
    complete: bool = False  # the scan ended before its limit: no token follows the last


def scan_tokens(  # noqa: PLR0912 - one branch per token kind, a lexer's dispatch
    text: str, pos: int, limit: int = MAX_CHAIN_TOKENS, chain: Chain | None = None
) -> list[Token]:
    """The tokens of a written number from ``pos`` on, at most ``limit`` of them."""
    lex = number_lexicon()
    toks: list[Token] = []
    p = pos
    pattern = lex.token
    if chain is not None and chain.toks and chain.toks[-1].start >= pos:  # else the chain was left behind
        toks = _from_chain(chain, pos, limit)
        if toks:
            if len(toks) == limit or chain.complete:
                chain.toks, chain.complete = toks, len(toks) < limit
                return toks
            p, pattern = toks[-1].end, lex.next_token
    while len(toks) < limit:
        if toks and not text[p : p + 1].isalnum() and text[p : p + 1] not in lex.join_first:
            break  # no joiner and no token starts here (the end of most numbers)
        m = pattern.match(text, p)
        if m is None:
            break
        join: str | None = None
        q = p
        if toks:
            q = m.end("join")
            join = (m.group("j") or m.group("p") or "").lower()
            if q == p and toks[-1].typ is not DIGITS and m.group("num"):
                break
        raw, exp, den, uf, word = m.group("num", "exp", "den", "uf", "w")
        if raw:
            value = float(raw.replace(",", ""))
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            if exp:
                # "1e999999" is no figure anyone reports: past the float range it is held at the
                # largest float (or 0), which JSON can still write.
                power = int(exp[1:])
                value = value * 10.0**power if abs(power) <= MAX_EXPONENT else (0.0 if power < 0 else math.inf)
                if math.isinf(value):
                    value = sys.float_info.max
            tok = Token(DIGITS, value, q, m.end(), join, raw, "." not in raw and not exp, decimals)
            if den is not None:
                if int(den) == 0:
                    break
                tok.value = value / int(den)
                tok.den = True
                tok.is_int = False
            toks.append(tok)
        elif uf:
            toks.append(Token(FRACTION_SIGN, lex.unicode_fractions[uf], q, m.end(), join, uf, False))
        else:
            w = number_word(word)
            toks.append(Token(w.typ, w.value, q, m.end(), join, word))
        p = m.end()
        pattern = lex.next_token
    if chain is not None:
        chain.toks, chain.complete = toks, len(toks) < limit
    return toks


def _from_chain(chain: Chain, pos: int, limit: int) -> list[Token]:
    """The chain's tokens from the one that starts at ``pos`` (now the first: no joiner), or []."""
    if not chain.toks or chain.toks[-1].start < pos:
        return []  # the chain was left behind: the usual case outside a run of figures
    for k, t in enumerate(chain.toks):
        if t.start >= pos:
            if t.start > pos:
                return []
            return [as_first(t), *chain.toks[k + 1 : k + limit]]
    return []


def as_first(t: Token) -> Token:
    """``t`` as the first token of a number (no joiner before it), without changing ``t``."""
    return t if t.join is None else Token(t.typ, t.value, t.start, t.end, None, t.raw, t.is_int, t.decimals, t.den)


def number_word(raw: str) -> NumberWord:
    """The lexicon entry of a number word as written ("Twenty", "a  few", "ſeven")."""
    words = number_lexicon().words
    w = words.get(raw.lower())
    if w is None:  # other spacing, or a letter IGNORECASE matched that lower() leaves alone
        w = words[SPACES.sub(" ", raw.translate(FOLD).lower())]
    return w
