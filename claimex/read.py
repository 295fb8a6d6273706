"""Read inputs as researchers have them: text, HTML and JSONL files, folders, stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimex.errors import InputError
from claimex.records import Page

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024
MIN_ARTICLE_WORDS = 8  # an HTML page whose main text is shorter holds no article (a menu, a login page)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from bytes, or a clear error for binary or other encodings."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte {exc.start}); convert it first, e.g. `iconv -f latin1 -t utf-8`"
        ) from exc
    return text.removeprefix("\ufeff")


def html_page(html: str, name: str, published: str | None = None) -> Page:
    """The main text and metadata of an HTML page (trafilatura); the extracted text is the page's original."""
    import trafilatura

    found: Any = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    doc: dict[str, Any] = found.as_dict() if hasattr(found, "as_dict") else dict(found or {})
    lines = [line.strip() for line in (doc.get("text") or "").splitlines() if line.strip()]
    if sum(len(line.split()) for line in lines) < MIN_ARTICLE_WORDS:
        raise InputError(f"{name}: no article text found in the HTML page")
    return Page(
        text="\n\n".join(lines),
        source=name,
        published=published or _iso_date(doc.get("date")),
        url=doc.get("url"),
        outlet=doc.get("sitename") or doc.get("hostname"),
        title=doc.get("title"),
    )


def _iso_date(value: object) -> str | None:
    text = str(value or "")[:10]
    return text if len(text) == 10 and text[4] == "-" and text[7] == "-" else None


@dataclass
class Reader:
    """Reads paths into pages; when lenient, a bad file in a folder or bad JSONL line is noted, not raised."""

    published: str | None = None
    max_bytes: int = MAX_BYTES
    suffixes: tuple[str, ...] = KNOWN_SUFFIXES
    lenient: bool = True
    problems: list[str] = field(default_factory=list)

    def _problem(self, error: InputError) -> None:
        if not self.lenient:
            raise error
        self.problems.append(str(error))

    def read(self, path: str) -> Iterator[Page]:
        """Pages from a file, a folder (recursively), or `-` for stdin."""
        if path == "-":
            yield Page(text=decode(sys.stdin.buffer.read(), "<stdin>"), source="-", published=self.published)
            return
        target = Path(path)
        if not target.exists():
            raise InputError(f"{path}: no such file or directory")
        if target.is_dir():
            yield from self._folder(target)
            return
        yield from self._file(target)

    def _folder(self, folder: Path) -> Iterator[Page]:
        files = sorted(
            p
            for p in folder.rglob("*")
            if p.is_file() and p.suffix.lower() in self.suffixes and not p.name.startswith(".")
        )
        if not files:
            kinds = ", ".join(self.suffixes)
            raise InputError(f"{folder}: the folder holds no files to read ({kinds})")
        for file in files:
            try:
                yield from self._file(file)
            except InputError as error:
                self._problem(error)

    def _file(self, path: Path) -> Iterator[Page]:
        size = path.stat().st_size
        if size > self.max_bytes:
            raise InputError(
                f"{path}: {size:,} bytes is over the {self.max_bytes:,}-byte limit (see --max-size)"
            )
        text = decode(path.read_bytes(), str(path))
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from self._jsonl(text, str(path))
        elif suffix in HTML_SUFFIXES:
            yield html_page(text, str(path), self.published)
        else:
            yield Page(text=text, source=str(path), published=self.published)

    def _jsonl(self, text: str, name: str) -> Iterator[Page]:
        read = 0
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                self._problem(InputError(f"{name}:{number}: not JSON ({exc.msg})"))
                continue
            if (
                not isinstance(record, dict)
                or not isinstance(record.get("text"), str)
                or not record["text"].strip()
            ):
                self._problem(InputError(f'{name}:{number}: a JSONL line needs a non-empty "text" field'))
                continue
            read += 1
            yield Page(
                text=record["text"],
                source=f"{name}#{number}",
                published=self.published or _iso_date(record.get("published")),
                url=record.get("url"),
                outlet=record.get("outlet"),
                title=record.get("headline"),
            )
        if not read:
            raise InputError(f"{name}: no usable JSONL lines")


def read_path(path: str, published: str | None = None) -> Iterator[Page]:
    """Pages from one path, raising on the first problem."""
    return Reader(published=published, lenient=False).read(path)
