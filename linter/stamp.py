"""Small helpers for caches: a stamp of copydesk's installed code, and a lean file read."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def code_stamp() -> str:
    """Names, sizes and modification times of copydesk's own modules.

    The version alone would miss an edited editable install; a stat per module is cheap, and
    the stamp is worked out once per process.
    """
    package = Path(__file__).resolve().parent
    parts = []
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            rel = os.path.relpath(path, package).replace(os.sep, "/")
            parts.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(sorted(parts))


def read_all(path: str | os.PathLike[str]) -> bytes:
    """A whole file's bytes through the bare system calls.

    A warm run reads every article and its cache entry: skipping ``open()``'s buffered file
    object (and the system calls it makes to set itself up) halves the cost of those reads.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
