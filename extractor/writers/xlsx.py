"""The tables as one Excel workbook: one sheet per table, header row frozen (openpyxl via pandas)."""

from __future__ import annotations

import io
import re
import zipfile

from ..model import Specification
from .frames import table_frame
from .options import require
from .tables import project

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def render_xlsx(spec: Specification) -> bytes:
    """The workbook's bytes; the same specification always gives the same bytes."""
    pd = require("pandas", "the xlsx export")
    require("openpyxl", "the xlsx export")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for table in project(spec):
            table_frame(table).to_excel(writer, sheet_name=table.name, index=False, freeze_panes=(1, 0))
    return _without_timestamps(buffer.getvalue())


def _without_timestamps(workbook: bytes) -> bytes:
    """The workbook with fixed file times in its zip and its document properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = CORE_TIMES.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", data)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
