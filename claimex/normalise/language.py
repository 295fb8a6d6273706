"""Which language a page is written in (py3langid, its model shipped in the package)."""

from __future__ import annotations

import functools
import re
from typing import Any

SAMPLE = 3000  # characters read from the start of a page
MIN_LETTERS = 200  # below this a guess is noise: the page is taken as English
_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _classify() -> Any:
    import py3langid  # imported on first use: the model loads on the first call

    return py3langid.classify


def language(text: str) -> str | None:
    """The ISO 639-1 code of a page clearly not in English, or None: too little text to tell, or English."""
    sample = text[:SAMPLE]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code = str(_classify()(sample)[0])
    return None if code == "en" else code
