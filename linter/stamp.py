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
    parts: list[str] = []
    _stamp_folder(str(Path(__file__).resolve().parent), "", parts)
    return "\n".join(sorted(parts))


def _stamp_folder(folder: str, prefix: str, parts: list[str]) -> None:
    """Add ``rel:size:mtime_ns`` for each module under ``folder`` (``prefix`` names it)."""
    # One scandir per folder, whose entries carry their own stat: os.walk would list the same
    # folders, then stat every file again and work out each relative path.
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":  # bytecode only, never a module
                    _stamp_folder(entry.path, f"{prefix}{entry.name}/", parts)
            elif entry.name.endswith(".py"):
                st = entry.stat()
                parts.append(f"{prefix}{entry.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            continue


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
