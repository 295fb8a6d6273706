"""Read inputs as researchers have them: text files, JSONL, folders, stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from claimex.errors import InputError
from claimex.records import Page

TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_BYTES = 20 * 1024 * 1024


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


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit for one input")
    return path.read_bytes()


def _jsonl_pages(text: str, name: str, published: str | None) -> Iterator[Page]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not JSON ({exc.msg})") from exc
        if (
            not isinstance(record, dict)
            or not isinstance(record.get("text"), str)
            or not record["text"].strip()
        ):
            raise InputError(f'{name}:{number}: a JSONL line needs a non-empty "text" field')
        yield Page(
            text=record["text"],
            source=f"{name}#{number}",
            published=published or record.get("published"),
            url=record.get("url"),
            outlet=record.get("outlet"),
            title=record.get("headline"),
        )


def read_path(path: str, published: str | None = None) -> Iterator[Page]:
    """Pages from a file, a folder (recursively: .txt and .jsonl files), or `-` for stdin."""
    if path == "-":
        text = decode(sys.stdin.buffer.read(), "<stdin>")
        yield Page(text=text, source="-", published=published)
        return
    target = Path(path)
    if not target.exists():
        raise InputError(f"{path}: no such file or directory")
    if target.is_dir():
        files = sorted(
            p
            for p in target.rglob("*")
            if p.is_file()
            and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
            and not p.name.startswith(".")
        )
        if not files:
            raise InputError(f"{path}: the folder holds no .txt or .jsonl files")
        for file in files:
            yield from read_path(str(file), published)
        return
    text = decode(_read_bytes(target), path)
    if target.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_pages(text, path, published)
    else:
        yield Page(text=text, source=path, published=published)
