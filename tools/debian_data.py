"""What the data builders share: Debian packages unpacked into a temporary folder, and a gzip file
written the same way each time (fixed mtime, no name), so that a rebuild is byte-identical."""

from __future__ import annotations

import gzip
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["unpacked", "write_gzip"]


@contextmanager
def unpacked(*packages: str) -> Iterator[Path]:
    """A temporary folder holding ``packages`` (``name=version``) downloaded with ``apt-get download``
    and unpacked with ``dpkg-deb -x``: its ``usr/share/...`` is theirs. Removed on exit."""
    with tempfile.TemporaryDirectory() as folder:
        for package in packages:
            subprocess.run(["apt-get", "download", package], cwd=folder, check=True)
        root = Path(folder) / "x"
        for deb in sorted(Path(folder).glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        yield root


def write_gzip(output: Path, text: str) -> None:
    """Write ``text`` to ``output`` as UTF-8 gzip with a fixed mtime and no file name."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(text.encode("utf-8"))
