"""Currency symbols, codes and names to ISO 4217, from babel's CLDR data plus claimex's preferences."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimex.normalise.lexicons import alternation, get


@dataclass(frozen=True)
class Currencies:
    """Every way of writing a currency that claimex reads, compiled once."""

    symbols: dict[str, str]  # "HK$" -> "HKD"
    codes: frozenset[str]  # ISO 4217 codes
    words: dict[str, str]  # "hong kong dollars" -> "HKD"
    before: re.Pattern[str]  # a symbol or code ending right before a number
    at: re.Pattern[str]  # a symbol starting at a position
    word_after: re.Pattern[str]  # a currency word after a number


def _add(table: dict[str, str], symbol: str, code: str) -> None:
    table.setdefault(symbol, code)
    if symbol.endswith("$") and len(symbol) > 1 and symbol[:-1].isalpha():
        table.setdefault(f"{symbol[:-1]} $", code)  # "HK $216,925"
        table.setdefault(f"${symbol[:-1]}", code)  # "$US113 trillion", "$A50m"


@functools.cache
def tables() -> Currencies:
    """The currency tables: claimex's preferred symbols win over CLDR's English symbols, which win over the
    symbols of English-speaking territories ("RM", "Rs"); a lone letter ("R", "K") is never a currency."""
    from babel import Locale, localedata  # imported on first use: the locale data loads lazily
    from babel.numbers import get_territory_currencies, list_currencies

    lex = get().currencies
    symbols: dict[str, str] = {}
    for symbol, code in lex.symbols.items():
        _add(symbols, symbol, code)
    english = Locale("en")
    for code, symbol in english.currency_symbols.items():
        if symbol != code:
            _add(symbols, symbol, code)
    for name in localedata.locale_identifiers():
        locale = Locale.parse(name)
        if locale.language != "en" or not locale.territory:
            continue
        for code in get_territory_currencies(locale.territory)[:1]:
            symbol = locale.currency_symbols.get(code, code)
            if symbol != code and len(symbol.rstrip(".")) > 1:
                _add(symbols, symbol, code)
    words = {str(k): str(v) for k, v in lex.words.items()}
    for code, name in english.currencies.items():
        low = name.lower()
        if " " in low and "(" not in low:
            words.setdefault(low, code)
            words.setdefault(low + "s", code)
    codes = frozenset(list_currencies())
    written = alternation([*symbols, *codes])
    return Currencies(
        symbols=symbols,
        codes=codes,
        words=words,
        before=re.compile(rf"(?<![A-Za-z0-9$])({written})( ?)$"),
        at=re.compile(rf"(?:{alternation(list(symbols))})"),
        word_after=re.compile(
            rf"\s+(?:of\s+)?({alternation(list(words))})\b(?!-?\s*(?:zone|area)\b)", re.IGNORECASE
        ),
    )


def before(text: str, start: int) -> tuple[str | None, int]:
    """The currency written just before a number ("£", "HK $", "RM", "USD"), and where it starts.
    A symbol of letters only must touch the number ("RM79") unless claimex's own table lists it ("Rs 500");
    an ISO code may stand a space away."""
    cur = tables()
    match = cur.before.search(text, max(0, start - 6), start)
    if match is None:
        return _transliterated(text, start)
    written, space = match.group(1), match.group(2)
    if written.isalpha() and space and written not in cur.codes and written not in get().currencies.symbols:
        return None, start
    code = cur.symbols.get(written) or (written if written in cur.codes else None)
    return code, match.start()


def _transliterated(text: str, start: int) -> tuple[str | None, int]:
    """ "PS2.7m", "Y=100 million": a symbol as ASCII transliteration writes it ("£" -> "PS")."""
    for ascii_form, symbol in get().currencies.transliterations.items():
        begin = start - len(ascii_form)
        if (
            begin >= 0
            and text.startswith(ascii_form, begin)
            and (begin == 0 or not text[begin - 1].isalnum())
        ):
            return tables().symbols.get(symbol), begin
    return None, start


def at(text: str, pos: int) -> tuple[str | None, int]:
    """The currency whose symbol starts at `pos`, and where its number starts."""
    match = tables().at.match(text, pos)
    if match is None:
        return None, pos
    return tables().symbols[match.group()], match.end()


def code_after(text: str, end: int) -> tuple[str | None, int]:
    """An ISO code written after a number ("110 JPY"), and where it ends."""
    match = _CODE_AFTER.match(text, end)
    if match and match.group(1) in tables().codes:
        return match.group(1), match.end()
    return None, end


_CODE_AFTER = re.compile(r" ?([A-Z]{3})\b")
