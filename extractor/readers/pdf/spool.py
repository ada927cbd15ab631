"""Pages kept between the passes over a document: pickled, compressed and spooled to a
temporary file beyond a few megabytes, so that memory does not grow with pages."""

from __future__ import annotations

import pickle
import tempfile
import zlib
from collections.abc import Iterator

from .page import PageContent

IN_MEMORY = 8 << 20  # bytes of compressed pages kept in memory before the spool moves to disk


def packed(page: PageContent) -> bytes:
    """A page as the spool keeps it (made where the page is read, in a worker)."""
    return zlib.compress(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL), 1)


class PageSpool:
    """Packed pages in reading order; read back as often as needed, one page at a time."""

    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)
        self._sizes: list[int] = []

    def __enter__(self) -> PageSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def add(self, page: bytes) -> None:
        self._file.seek(0, 2)
        self._file.write(page)
        self._sizes.append(len(page))

    def __iter__(self) -> Iterator[PageContent]:
        at = 0
        for size in self._sizes:
            self._file.seek(at)
            at += size
            page: PageContent = pickle.loads(zlib.decompress(self._file.read(size)))
            yield page
