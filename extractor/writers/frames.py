"""The tables as typed pandas DataFrames: codes as strings, nullable integers, dates as dates."""

from __future__ import annotations

from typing import Any

from ..model import Specification
from .options import require
from .tables import Table, project

DTYPES = {"string": "string", "integer": "Int64", "number": "Float64"}


def table_frame(table: Table) -> Any:
    """One table as a DataFrame with the declared column types."""
    pd = require("pandas", "to_frames()")
    frame = pd.DataFrame.from_records(table.rows, columns=table.names)
    for column in table.columns:
        if column.type == "date":
            frame[column.name] = pd.to_datetime(frame[column.name], format="%Y-%m-%d").astype("datetime64[s]")
        else:
            frame[column.name] = frame[column.name].astype(DTYPES[column.type])
    return frame


def to_frames(spec: Specification) -> dict[str, Any]:
    """Table name -> typed pandas DataFrame, for every table of the projection."""
    return {table.name: table_frame(table) for table in project(spec)}
