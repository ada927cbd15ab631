"""Reading one side of a comparison: a source document or a JSON produced by ``extract``."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError
from ..model import Specification
from ..pipeline import extract


def load_side(path: Path) -> Specification:
    """The specification in ``path``; InputError when it cannot be had.

    A file starting with ``{`` that parses as JSON is read as ``extract`` output;
    anything else goes through the extractor.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if head.startswith(b"{"):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = None
        if data is not None:
            try:
                return Specification.model_validate(data)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = "/".join(map(str, first["loc"])) or "(root)"
                raise InputError(
                    f"{path}: JSON but not a qualspec specification ({exc.error_count()} errors; "
                    f"{where}: {first['msg']})"
                ) from None
    return extract(path)
