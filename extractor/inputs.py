"""An input as one value: the name to report it by and its bytes, read once.

A file, ``-`` (standard input), ``/dev/stdin`` or a pipe from process substitution are all
read the same way: into memory, at most ``Limits.input_bytes`` bytes, before anything looks
at them, so that format detection never consumes what the reader needs.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from .errors import InputError
from .limits import Limits

STDIN = "-"
CHUNK = 1 << 20


@dataclass(frozen=True)
class Input:
    """A source document in memory: ``name`` for messages and output names, ``data`` its bytes."""

    name: str
    data: bytes

    @property
    def file_name(self) -> str:
        """The last component of the name: ``spec.txt`` for ``a/b/spec.txt``."""
        return PurePath(self.name).name or self.name

    @property
    def stem(self) -> str:
        return PurePath(self.file_name).stem or self.file_name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def __str__(self) -> str:
        return self.name


def read_input(argument: str | os.PathLike[str], limits: Limits, name: str | None = None) -> Input:
    """The input named on the command line (``-`` is standard input); ``name`` overrides its name."""
    if str(argument) == STDIN:
        return Input(name or "stdin", _read_limited(sys.stdin.buffer, "<stdin>", limits))
    path = Path(argument)
    label = str(argument)
    if label == "":
        raise InputError("empty file name")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{label}: is a directory, not a file")
    if stat.S_ISREG(info.st_mode) and info.st_size > limits.input_bytes:
        raise limits.exceeded("input_bytes", label, f"{info.st_size} bytes")
    try:
        with path.open("rb") as handle:
            data = _read_limited(handle, label, limits)
    except OSError as exc:
        raise InputError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    return Input(name or label, data)


def as_input(source: Input | str | os.PathLike[str], limits: Limits) -> Input:
    """``source`` itself when it is an Input, else the file it names read into one."""
    return source if isinstance(source, Input) else read_input(source, limits)


def _read_limited(handle: BinaryIO, label: str, limits: Limits) -> bytes:
    """All of ``handle``, or InputError as soon as it passes the input size limit."""
    chunks: list[bytes] = []
    size = 0
    while chunk := handle.read(CHUNK):
        size += len(chunk)
        if size > limits.input_bytes:
            raise limits.exceeded("input_bytes", label, f"more than {limits.input_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
