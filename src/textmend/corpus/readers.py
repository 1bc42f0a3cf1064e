"""Reading records: JSONL, a JSON array, plain text (one document per line) or Parquet.

Every record comes with where it was found (``file:line``, or ``file:row`` for Parquet) so that an
error can name it. A UTF-8 byte order mark is accepted; UTF-16 and UTF-32 files are refused with the
encoding named, since a record cannot be read from them line by line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from ..errors import RecordError
from .files import CorpusError, InputFile, is_remote, local_path, open_input, strip_compression

__all__ = [
    "FORMATS",
    "KeyCheck",
    "Raw",
    "Reader",
    "Unit",
    "format_of",
    "parse_json",
    "wide_encoding",
]

FORMATS = ("jsonl", "json", "parquet", "text")
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "text",
    ".text": "text",
}
_PARQUET_ROWS = 1000
_JSON_BLOCK = 1 << 20
_UTF8_BOM = b"\xef\xbb\xbf"
# Byte order marks of the encodings a line reader cannot split, longest first.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)

Raw = bytes | dict[str, Any]
#: A record as read: where it was found (``file:line``) and its raw content.
Unit = tuple[str, Raw]


class KeyCheck:
    """The ``object_pairs_hook`` of the corpus's JSON readers: builds each object as a dict and notes
    the first key an object writes twice (``duplicate``), at any depth. JSON keeps only the last value
    of such a key, so the record is reported, never mended with a value silently dropped.

    >>> check = KeyCheck()
    >>> json.loads('{"id": 1, "meta": {"k": 1, "k": 2}}', object_pairs_hook=check)["meta"], check.duplicate
    ({'k': 2}, 'k')
    """

    def __init__(self) -> None:
        self.duplicate: str | None = None

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        record = dict(pairs)
        if len(record) < len(pairs) and self.duplicate is None:
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.duplicate = key
                    break
                seen.add(key)
        return record

    def problem(self) -> str | None:
        """The record's error if an object of it wrote a key twice (then ready for the next record)."""
        key, self.duplicate = self.duplicate, None
        if key is None:
            return None
        return (
            f"the key {key!r} is written twice in one object, and JSON keeps only the last value; "
            "write each key once"
        )


def parse_json(line: str) -> Any:
    """``json.loads(line)`` for a record; :class:`RecordError` (saying what, without where) for invalid
    JSON and where an object of it writes a key twice (:class:`KeyCheck`).

    >>> parse_json('{"text": "a"}')
    {'text': 'a'}
    >>> parse_json('{"text": }')
    Traceback (most recent call last):
    textmend.errors.RecordError: invalid JSON: Expecting value at column 10
    """
    keys = KeyCheck()
    try:
        value = json.loads(line, object_pairs_hook=keys)
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    problem = keys.problem()
    if problem is not None:
        raise RecordError(problem)
    return value


def format_of(path: str) -> str | None:
    """The format a file name implies (compression suffix aside), or None.

    >>> format_of("crawl.jsonl.zst"), format_of("part-0.parquet"), format_of("notes.md")
    ('jsonl', 'parquet', None)
    """
    return _SUFFIXES.get(os.path.splitext(strip_compression(path).lower())[1])


def wide_encoding(head: bytes) -> str | None:
    """The UTF-16/32 encoding the first bytes show (by BOM, or by NUL bytes around ASCII), or None.

    >>> wide_encoding(b'\\xff\\xfe{\\x00'), wide_encoding(b'{\\x00"\\x00'), wide_encoding(b'{"te')
    ('UTF-16 (little-endian)', 'UTF-16 (little-endian)', None)
    """
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return name
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return "UTF-16 (little-endian)"
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return "UTF-16 (big-endian)"
    return None


class Reader:
    """The records of one or more inputs in order, with the bytes read so far for progress."""

    def __init__(self, paths: list[str], input_format: str) -> None:
        self.paths = paths
        self.format = input_format
        self.total_bytes = self._total_size()
        self._done_bytes = 0
        self._current: InputFile | None = None
        self._parquet_fraction = 0.0
        self._parquet_size = 0
        self.arrow_schema: Any = None
        if input_format == "parquet":
            self.arrow_schema = self._parquet_file(paths[0])[0].schema_arrow

    def _total_size(self) -> int | None:
        total = 0
        for path in self.paths:
            if path == "-":
                return None
            try:
                if is_remote(path):
                    import fsspec

                    fs, inner = fsspec.core.url_to_fs(path)
                    total += int(fs.size(inner))
                else:
                    total += os.stat(local_path(path)).st_size
            except (OSError, ValueError, TypeError):
                return None
        return total

    @property
    def bytes_read(self) -> int:
        if self._current is not None:
            return self._done_bytes + self._current.position
        return self._done_bytes + int(self._parquet_fraction * self._parquet_size)

    def __iter__(self) -> Iterator[Unit]:
        for path in self.paths:
            if self.format == "parquet":
                yield from self._parquet_units(path)
                continue
            with open_input(path) as source:
                self._current = source
                try:
                    if self.format == "json":
                        yield from _json_units(source)
                    else:
                        yield from _line_units(source, skip_blank=self.format == "jsonl")
                finally:
                    self._done_bytes += source.position
                    self._current = None

    def _parquet_file(self, path: str) -> tuple[Any, int]:
        if path == "-":
            raise CorpusError("Parquet cannot be read from standard input; name the file")
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            if is_remote(path):
                import fsspec

                fs, inner = fsspec.core.url_to_fs(path)
                return pq.ParquetFile(fs.open(inner, "rb")), int(fs.size(inner))
            local = local_path(path)
            size = os.stat(local).st_size
            return pq.ParquetFile(local), size
        except OSError as error:
            if isinstance(error, FileNotFoundError) or error.strerror:
                raise CorpusError(f"{path}: {error.strerror or error}") from None
            raise CorpusError(f"{path}: not a readable Parquet file ({error})") from None
        except pa.ArrowException as error:
            raise CorpusError(f"{path}: not a readable Parquet file ({error})") from None

    def _parquet_units(self, path: str) -> Iterator[Unit]:
        parquet, size = self._parquet_file(path)
        self._parquet_size, self._parquet_fraction = size, 0.0
        rows = max(parquet.metadata.num_rows, 1)
        row = 0
        for batch in parquet.iter_batches(batch_size=_PARQUET_ROWS):
            for record in batch.to_pylist():
                row += 1
                yield f"{path}:{row}", record
            self._parquet_fraction = row / rows
        self._done_bytes += size
        self._parquet_fraction = 0.0


def _refuse_wide_encodings(source: InputFile) -> None:
    head = source.stream.peek(4)[:4] if hasattr(source.stream, "peek") else b""
    found = wide_encoding(head)
    if found is not None:
        raise CorpusError(
            f"{source.name}: is {found} text, not UTF-8; convert it first, "
            f"e.g. iconv -f {found.split()[0]} -t UTF-8 {source.name} > converted.jsonl"
        )


def _line_units(source: InputFile, *, skip_blank: bool) -> Iterator[Unit]:
    _refuse_wide_encodings(source)
    number = 0
    try:
        for number, line in enumerate(source.stream, 1):
            content = line.removesuffix(b"\n").removesuffix(b"\r")
            if number == 1 and content.startswith(_UTF8_BOM):
                content = content[len(_UTF8_BOM) :]
            if skip_blank and not content.strip():
                continue
            yield f"{source.name}:{number}", content
    except (OSError, EOFError, ValueError) as error:
        raise CorpusError(f"{source.name}:{number + 1}: cannot read: {error}") from None


def _json_units(source: InputFile) -> Iterator[Unit]:
    """The objects of a JSON array, read a block at a time; a file of JSON lines is read as JSONL."""
    _refuse_wide_encodings(source)
    stream = source.stream
    head = stream.peek(64)[:64].removeprefix(_UTF8_BOM).lstrip() if hasattr(stream, "peek") else b"["
    if head.startswith(b"{") or not head:
        yield from _line_units(source, skip_blank=True)
        return
    if not head.startswith(b"["):
        raise CorpusError(
            f"{source.name}: a .json file must hold an array of objects (or one object per line); "
            f"it starts with {head[:20]!r}"
        )
    yield from _ArrayParser(source).units()


class _ArrayParser:
    """Reads ``[ {...}, {...} ]`` one element at a time, keeping line numbers for messages."""

    def __init__(self, source: InputFile) -> None:
        self._source = source
        self._keys = KeyCheck()
        self._decoder = json.JSONDecoder(object_pairs_hook=self._keys)
        self._text = ""
        self._at = 0
        self._line = 1
        self._eof = False
        self._first = True

    def _more(self) -> bool:
        if self._eof:
            return False
        block = self._source.stream.read(_JSON_BLOCK)
        if self._first:
            block = block.removeprefix(_UTF8_BOM)
            self._first = False
        while block:  # do not cut a UTF-8 sequence in two
            try:
                text = block.decode("utf-8")
                break
            except UnicodeDecodeError as error:
                if error.start < len(block) - 4:
                    where = f"{self._source.name}:{self._line + self._text.count(chr(10), self._at)}"
                    raise CorpusError(f"{where}: not valid UTF-8 at byte {error.start} of a block") from None
                extra = self._source.stream.read(1)
                if not extra:
                    raise CorpusError(f"{self._source.name}: ends inside a UTF-8 character") from None
                block += extra
        else:
            self._eof = True
            return False
        self._line += self._text.count("\n", 0, self._at)
        self._text = self._text[self._at :] + text
        self._at = 0
        return True

    def _skip_space(self) -> str:
        while True:
            while self._at < len(self._text) and self._text[self._at] in " \t\r\n":
                self._at += 1
            if self._at < len(self._text):
                return self._text[self._at]
            if not self._more():
                return ""

    def _where(self) -> str:
        return f"{self._source.name}:{self._line + self._text.count(chr(10), 0, self._at)}"

    def units(self) -> Iterator[Unit]:
        self._skip_space()
        self._at += 1  # the "["
        expect_value = True
        while True:
            char = self._skip_space()
            if char == "]":
                self._at += 1
                break
            if not char:
                raise CorpusError(f"{self._where()}: the JSON array is not closed; the file is cut short")
            if not expect_value:
                if char != ",":
                    raise CorpusError(f"{self._where()}: expected ',' or ']' between array elements")
                self._at += 1
                expect_value = True
                continue
            where = self._where()
            start = self._at
            value = self._decode(where)
            expect_value = False
            if self._keys.problem() is not None:
                # as written, so that reading it as a record reports the key it writes twice
                yield where, self._text[start : self._at].encode()
            elif not isinstance(value, dict):
                yield where, json.dumps(value).encode()  # reported as "expected a JSON object"
            else:
                yield where, value
        if self._skip_space():
            raise CorpusError(f"{self._where()}: text after the end of the JSON array")

    def _decode(self, where: str) -> Any:
        while True:
            try:
                value, end = self._decoder.raw_decode(self._text, self._at)
            except json.JSONDecodeError as error:
                if self._more():
                    continue
                raise CorpusError(
                    f"{where}: invalid JSON in the array ({error.msg}); "
                    "a broken element cannot be skipped in an array: fix the file or write it as JSONL"
                ) from None
            if end == len(self._text) and self._more():
                continue  # a number may go on in the next block
            self._at = end
            return value
