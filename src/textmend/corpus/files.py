"""Where a corpus is read from and written to: local paths, ``file://``, any fsspec URL, stdin/stdout.

Inputs may be globs (``data/*.jsonl.zst``, read in sorted order) and are decompressed by their first
bytes (gzip, zstd, bz2, xz), whatever their names. Outputs are compressed by their names (``.gz``,
``.zst``, ``.bz2``, ``.xz``); gzip output carries no name or time stamp, so reruns are byte for byte
the same.

A regular local output file is written under a temporary name (``.NAME.textmend-PID.part``) and
renamed over the target only when the run has succeeded. A FIFO, a device such as ``/dev/stdout``
or a remote URL is written straight through; a symlink is followed, so the file it points to is
replaced and the link stays. Temporaries that a killed run left behind are removed by the next run.
"""

from __future__ import annotations

import bz2
import contextlib
import glob
import gzip
import io
import logging
import lzma
import os
import re
import select
import stat
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..errors import TextmendError

__all__ = [
    "COMPRESSIONS",
    "CorpusError",
    "InputFile",
    "Target",
    "compressing",
    "compression_of",
    "expand_inputs",
    "format_hint",
    "is_remote",
    "local_path",
    "log",
    "open_input",
    "strip_compression",
]

log = logging.getLogger("textmend")


class CorpusError(TextmendError, RuntimeError):
    """The corpus cannot be read or written, or the run's error limit was passed; the message says why."""


#: Output compressions by file-name suffix.
COMPRESSIONS = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd", ".bz2": "bz2", ".xz": "xz"}
# The first bytes of each compressed stream, checked before a name is trusted.
_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_GLOB = re.compile(r"[*?\[]")


def is_remote(path: str) -> bool:
    """Whether ``path`` is a URL other than ``file://`` (read and written through fsspec).

    >>> is_remote("s3://bucket/a.jsonl"), is_remote("file:///tmp/a.jsonl"), is_remote("a.jsonl")
    (True, False, False)
    """
    return "://" in path and not path.startswith("file://")


def local_path(path: str) -> str:
    """``path`` without a ``file://`` prefix."""
    return path[len("file://") :] if path.startswith("file://") else path


def compression_of(path: str) -> str | None:
    """The compression a file name asks for, or None.

    >>> compression_of("out.jsonl.zst"), compression_of("out.parquet")
    ('zstd', None)
    """
    return COMPRESSIONS.get(os.path.splitext(path.lower())[1])


def format_hint(path: str) -> bool:
    """Whether ``path`` has a suffix (other than a compression) that could name a format."""
    return bool(os.path.splitext(strip_compression(path))[1])


def strip_compression(path: str) -> str:
    """``path`` without its compression suffix: ``a.jsonl.gz`` -> ``a.jsonl``."""
    root, extension = os.path.splitext(path)
    return root if extension.lower() in COMPRESSIONS else path


def expand_inputs(spec: str) -> list[str]:
    """The files ``spec`` names: itself, or every match of a glob in sorted order."""
    if spec == "-" or not _GLOB.search(spec):
        return [spec]
    if is_remote(spec):
        import fsspec

        fs, _ = fsspec.core.url_to_fs(spec)
        matches = [fs.unstrip_protocol(found) for found in sorted(fs.glob(spec))]
    else:
        prefix = "file://" if spec.startswith("file://") else ""
        matches = [prefix + found for found in sorted(glob.glob(local_path(spec))) if os.path.isfile(found)]
    if not matches:
        raise CorpusError(f"{spec}: no file matches this pattern; check the path and the quoting")
    return matches


class _Counting(io.RawIOBase):
    """A raw reader that counts the bytes read through it (compressed bytes, for progress)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.count += size
        return size


# How long a read of standard input waits before it looks for a Ctrl-C that came in the meantime.
_STDIN_POLL = 0.25


class _InterruptibleStdin(io.RawIOBase):
    """Standard input read one system call at a time, waiting in short steps.

    A signal that lands just before a blocking read of a pipe would otherwise wait until more input
    comes (Python handles it only between reads): waiting with ``select`` in short steps returns to
    Python often enough that Ctrl-C and SIGTERM stop a run reading a pipe that stays open.
    """

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not select.select([self._descriptor], [], [], _STDIN_POLL)[0]:
            pass
        data = os.read(self._descriptor, len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _stdin() -> IO[bytes]:
    """Standard input as bytes: interruptible where ``select`` works on it (POSIX pipes, terminals)."""
    if os.name != "posix":
        return sys.stdin.buffer
    return io.BufferedReader(_InterruptibleStdin(sys.stdin.fileno()))


class InputFile:
    """One input file opened for reading: ``stream`` is decompressed, ``position`` counts raw bytes."""

    def __init__(self, name: str, raw: IO[bytes], size: int | None) -> None:
        self.name = name
        self.size = size
        self._counter = _Counting(raw)
        buffered = io.BufferedReader(self._counter, 1 << 16)
        self.compression = _sniff(buffered)
        self.stream: IO[bytes] = _decompressing(buffered, self.compression, name)

    @property
    def position(self) -> int:
        return self._counter.count


def _sniff(stream: Any) -> str | None:
    head = stream.peek(8)[:8]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def _decompressing(stream: Any, compression: str | None, name: str) -> IO[bytes]:
    if compression == "gzip":
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    if compression == "bz2":
        return bz2.BZ2File(stream)
    if compression == "xz":
        return lzma.LZMAFile(stream)
    if compression == "zstd":
        zstandard = _zstandard(name)
        reader = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
        buffered: IO[bytes] = io.BufferedReader(reader, 1 << 16)
        return buffered
    plain: IO[bytes] = stream
    return plain


def _zstandard(name: str) -> Any:
    try:
        import zstandard
    except ImportError:
        raise CorpusError(
            f"{name}: zstd needs the zstandard package; install it: pip install 'textmend[corpus]'"
        ) from None
    return zstandard


@contextlib.contextmanager
def open_input(path: str) -> Iterator[InputFile]:
    """``path`` (``-`` for stdin) opened for reading, decompressed by its first bytes."""
    if path == "-":
        yield InputFile("<stdin>", _stdin(), None)
        return
    try:
        if is_remote(path):
            import fsspec

            fs, inner = fsspec.core.url_to_fs(path)
            size = fs.size(inner)
            handle = fs.open(inner, "rb")
        else:
            local = local_path(path)
            if os.path.isdir(local):
                raise CorpusError(f"{path}: is a folder; name a file, or a glob such as {path}/*.jsonl")
            handle = open(local, "rb")  # noqa: SIM115  (closed below)
            status = os.fstat(handle.fileno())
            size = status.st_size if stat.S_ISREG(status.st_mode) else None
    except (OSError, ValueError) as error:
        raise CorpusError(f"{path}: {_reason(error)}") from None
    with handle:
        yield InputFile(path, handle, size)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Target:
    """Where the output goes, checked before a byte is read, and how it is put in place.

    ``mode`` is ``"replace"`` (a regular local file: write a temporary, rename it over the target on
    success), ``"through"`` (a FIFO, a device, stdout or a remote URL: written directly).
    """

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self.name = "<stdout>" if spec == "-" else spec
        self.path = ""
        self.mode = "through"
        self.temporary = ""
        if spec == "-" or is_remote(spec):
            return
        local = local_path(spec)
        if spec.endswith(("/", os.sep)) or os.path.isdir(local):
            raise CorpusError(
                f"{spec}: is a folder; name the output file, e.g. {os.path.join(local, 'mended.jsonl')}"
            )
        if os.path.exists(local) and not stat.S_ISREG(os.stat(local).st_mode):
            self.path = local  # a FIFO or a device (/dev/stdout): written straight through
            return
        self.path = os.path.realpath(local)  # a symlink is written through: the file it names is replaced
        directory = os.path.dirname(self.path)
        if not os.path.isdir(directory):
            raise CorpusError(
                f"{spec}: the folder {directory} does not exist; create it first (mkdir -p {directory})"
            )
        if not os.access(directory, os.W_OK | os.X_OK):
            raise CorpusError(f"{spec}: cannot write in the folder {directory}; choose another output")
        self.mode = "replace"
        base = os.path.basename(self.path)
        self._remove_stale(directory, base)
        self.temporary = os.path.join(directory, f".{base}.textmend-{os.getpid()}.part")

    @property
    def is_stream(self) -> bool:
        """Whether this is stdout, a FIFO or a device: written as JSONL unless its name says otherwise."""
        return self.spec == "-" or (
            self.mode == "through" and not is_remote(self.spec) and not format_hint(self.spec)
        )

    @property
    def compression(self) -> str | None:
        return None if self.spec == "-" else compression_of(self.spec)

    @staticmethod
    def _remove_stale(directory: str, base: str) -> None:
        pattern = re.compile(re.escape(f".{base}.textmend-") + r"(\d+)(\.\d+)?\.part")
        for entry in os.listdir(directory):
            found = pattern.fullmatch(entry)
            if found and not _alive(int(found.group(1))):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(directory, entry))
                log.info("removed %s, left by an earlier run that was killed", entry)

    def is_same_file(self, source: str) -> bool:
        if self.mode != "replace" or source == "-" or is_remote(source) or not os.path.exists(self.path):
            return False
        try:
            return os.path.samefile(local_path(source), self.path)
        except OSError:
            return False

    def sidecar(self) -> str | None:
        """Where the provenance sidecar of a JSONL or text output goes (None when written through)."""
        if self.mode == "replace":
            return self.path + ".textmend.json"
        if is_remote(self.spec):
            return self.spec + ".textmend.json"
        return None

    def open(self) -> IO[bytes]:
        """The raw binary stream to write the output to (the temporary file for ``replace``)."""
        if self.spec == "-":
            return os.fdopen(os.dup(sys.stdout.fileno()), "wb")
        if self.mode == "replace":
            return open(self.temporary, "wb")
        if is_remote(self.spec):
            import fsspec

            return fsspec.open(self.spec, "wb").open()  # type: ignore[no-any-return]
        return open(self.path, "wb")

    def spool(self, number: int) -> str:
        """A local file for a Parquet segment ``number``, removed by :meth:`abort` and stale runs."""
        if self.mode == "replace":
            return f"{self.temporary[: -len('.part')]}.{number}.part"
        import tempfile

        handle, path = tempfile.mkstemp(prefix="textmend-", suffix=f".{number}.part")
        os.close(handle)
        return path

    def commit(self) -> None:
        """Put the finished temporary in place of the target (for ``replace``)."""
        if self.mode != "replace":
            return
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temporary, 0o666 & ~umask)
        os.replace(self.temporary, self.path)

    def abort(self) -> None:
        """Remove the temporary after a failed run; the target is untouched."""
        if self.mode == "replace":
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temporary)


def compressing(stream: IO[bytes], compression: str | None, name: str) -> IO[bytes]:
    """A writer that compresses into ``stream``; closing it finishes the compressed stream only."""
    if compression == "gzip":
        return gzip.GzipFile(filename="", mode="wb", fileobj=stream, mtime=0)  # type: ignore[return-value]
    if compression == "bz2":
        return bz2.BZ2File(stream, "wb")
    if compression == "xz":
        return lzma.LZMAFile(stream, "wb")
    if compression == "zstd":
        writer = _zstandard(name).ZstdCompressor(level=3).stream_writer(stream, closefd=False)
        return writer  # type: ignore[no-any-return]
    return stream
