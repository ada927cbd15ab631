"""The tables as Parquet files, one per table (pandas + pyarrow)."""

from __future__ import annotations

import io

from ..model import Specification
from .frames import table_frame
from .options import require
from .tables import project


def render_parquet(spec: Specification) -> dict[str, bytes]:
    """File name -> Parquet bytes, one ``<table>.parquet`` per table."""
    require("pandas", "the parquet export")
    require("pyarrow", "the parquet export")
    files = {}
    for table in project(spec):
        buffer = io.BytesIO()
        table_frame(table).to_parquet(buffer, engine="pyarrow", index=False)
        files[f"{table.name}.parquet"] = buffer.getvalue()
    return files
