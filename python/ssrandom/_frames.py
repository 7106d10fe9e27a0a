"""Tables in and out: pandas DataFrames, pyarrow tables and plain rows, converted in bulk.

Tables enter the library as the CSV text a bureau folder would hold, written by pandas' (or pyarrow's) C
writer and read by the C++ CSV reader, so English or Chinese headers and every validation apply exactly as
for a file. Results leave as DataFrames built column by column (``pandas.read_csv`` on the library's CSV text,
or columns the extension builds without the GIL). pandas and pyarrow are imported only when used.
"""

from __future__ import annotations

import csv
import importlib
import io
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set

from ssrandom.errors import InvalidInputError, MissingDependencyError

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas

__all__ = ["require", "is_table", "table_to_csv", "read_csv_frame", "records_frame"]

#: The extra that provides each optional module (``pip install 'ssrandom[EXTRA]'``).
_EXTRAS = {"pandas": "pandas", "numpy": "pandas", "pyarrow": "pandas", "matplotlib": "plot", "tqdm": "cli"}


def require(module: str, what: str = "", extra: Optional[str] = None) -> Any:
    """Imports an optional dependency, or raises :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        extra = extra or _EXTRAS.get(module.split(".")[0], module)
        purpose = f" for {what}" if what else ""
        raise MissingDependencyError(
            f"{module} is needed{purpose}: pip install '{module.split('.')[0]}' "
            f"(or the package with its extra: pip install 'ssrandom[{extra}]')") from error


def _is_pandas_frame(data: Any) -> bool:
    module = type(data).__module__
    return module.startswith("pandas") and hasattr(data, "to_csv") and hasattr(data, "columns")


def _is_arrow_table(data: Any) -> bool:
    module = type(data).__module__
    return module.startswith("pyarrow") and hasattr(data, "schema") and hasattr(data, "column_names")


def is_table(data: Any) -> bool:
    """Whether ``data`` is a table this module converts (not a path): a DataFrame, a pyarrow table or record
    batch, a list of row dicts or a dict of columns."""
    if _is_pandas_frame(data) or _is_arrow_table(data):
        return True
    if isinstance(data, Mapping):
        return True
    return isinstance(data, (list, tuple)) and (not data or isinstance(data[0], Mapping))


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def _frame_to_csv(frame: "pandas.DataFrame") -> str:
    pd = require("pandas")
    if frame.index.name is not None and frame.index.name not in frame.columns:
        frame = frame.reset_index()  # e.g. frame.set_index("id"): the index is a column of the table
    if len(set(map(str, frame.columns))) != len(frame.columns):
        raise InvalidInputError(f"the table repeats a column name: {[str(c) for c in frame.columns]}")
    pyarrow = _optional("pyarrow")
    if pyarrow is not None:
        # pandas' string columns are Arrow arrays already: Arrow's multi-threaded CSV writer is ~10x faster
        # than DataFrame.to_csv. Columns Arrow cannot type (mixed objects) take pandas' path below.
        try:
            table = pyarrow.Table.from_pandas(frame, preserve_index=False)
        except (pyarrow.ArrowException, TypeError, ValueError):
            table = None
        if table is not None:
            return _arrow_to_csv(table)
    columns: Dict[str, Any] = {}
    for name in frame.columns:
        column = frame[name]
        kind = column.dtype.kind
        if kind == "f":
            # Counts with missing values arrive as floats (3.0, NaN): written as whole numbers when they are.
            values = column.dropna()
            if bool(((values % 1) == 0).all()):
                column = column.astype("Int64")
        elif kind == "O":
            first = column.first_valid_index()
            if first is not None and isinstance(column[first], (list, tuple, set, frozenset)) or (
                    first is not None and type(column[first]).__name__ == "ndarray"):
                # List fields (tags, specialties): the CSV form joins them with ';'.
                column = column.map(lambda v: ";".join(str(x) for x in v)
                                    if isinstance(v, (list, tuple, set, frozenset)) or
                                    type(v).__name__ == "ndarray" else v)
        elif kind == "M":
            column = column.dt.strftime("%Y-%m-%d")
        columns[str(name)] = column
    prepared = pd.DataFrame(columns, copy=False) if columns else frame
    text: str = prepared.to_csv(index=False, na_rep="", lineterminator="\n")
    return text


def _arrow_to_csv(table: Any) -> str:
    pyarrow = require("pyarrow")
    compute = require("pyarrow.compute")
    arrow_csv = require("pyarrow.csv")
    if isinstance(table, pyarrow.RecordBatch):
        table = pyarrow.Table.from_batches([table])
    arrays = []
    for column in table.columns:
        kind = column.type
        if pyarrow.types.is_list(kind) or pyarrow.types.is_large_list(kind):
            column = compute.binary_join(compute.cast(column, pyarrow.list_(pyarrow.string())), ";")
        elif pyarrow.types.is_timestamp(kind):
            column = compute.cast(column, pyarrow.date32())
        elif pyarrow.types.is_floating(kind):
            valid = compute.drop_null(column)
            if len(valid) == 0 or compute.all(compute.equal(compute.floor(valid), valid)).as_py():
                column = compute.cast(column, pyarrow.int64())
        arrays.append(column)
    table = pyarrow.Table.from_arrays(arrays, names=table.column_names)
    sink = io.BytesIO()
    arrow_csv.write_csv(table, sink, arrow_csv.WriteOptions(include_header=True, quoting_style="needed"))
    return sink.getvalue().decode("utf-8")


def _rows_to_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    header: List[str] = []
    seen = set()
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                header.append(str(key))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(key)) for key in header])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ";".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value)


def table_to_csv(data: Any) -> str:
    """The CSV text of a table: a pandas DataFrame, a pyarrow Table or RecordBatch, a list of row dicts or a
    dict of equal-length columns. Booleans, whole-number floats, dates and list values (``["固废", "VOCs"]``)
    are written in the forms the directory reader accepts; missing values are empty fields."""
    if _is_pandas_frame(data):
        return _frame_to_csv(data)
    if _is_arrow_table(data):
        return _arrow_to_csv(data)
    if isinstance(data, Mapping):
        columns = {str(k): list(v) for k, v in data.items()}
        lengths = {len(v) for v in columns.values()}
        if len(lengths) > 1:
            raise InvalidInputError(f"the columns have different lengths: "
                                    f"{ {k: len(v) for k, v in columns.items()} }")
        count = lengths.pop() if lengths else 0
        rows = [{k: v[i] for k, v in columns.items()} for i in range(count)]
        return _rows_to_csv(rows) if rows else ",".join(columns) + "\n"
    if isinstance(data, (list, tuple)):
        return _rows_to_csv(data)
    raise TypeError(f"expected a pandas DataFrame, a pyarrow Table, a list of row dicts or a dict of columns, "
                    f"not {type(data).__name__}")


def read_csv_frame(text: str, booleans: Iterable[str] = (), integers: Iterable[str] = (),
                   dates: Iterable[str] = (), keep_empty: Iterable[str] = ()) -> "pandas.DataFrame":
    """A DataFrame from the library's CSV text, every column read as text (tickets and ids stay exact), then
    the named columns typed: ``booleans`` as pandas' nullable ``boolean``, ``integers`` as ``Int64``,
    ``dates`` as ``datetime64``. Empty fields are missing values, except in ``keep_empty`` columns."""
    pd = require("pandas", "DataFrames")
    keep = set(keep_empty)
    if _optional("pyarrow") is not None:
        return _read_csv_arrow(text, set(booleans), set(integers), set(dates), keep)
    frame: "pandas.DataFrame" = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                                                na_values=[""])
    for name in keep:
        if name in frame.columns:
            frame[name] = frame[name].fillna("")
    for name in booleans:
        if name in frame.columns:
            frame[name] = frame[name].map({"true": True, "false": False}).astype("boolean")
    for name in integers:
        if name in frame.columns:
            frame[name] = pd.to_numeric(frame[name]).astype("Int64")
    for name in dates:
        if name in frame.columns:
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
    return frame


def _read_csv_arrow(text: str, booleans: Set[str], integers: Set[str], dates: Set[str],
                    keep: Set[str]) -> "pandas.DataFrame":
    pd = require("pandas")
    pyarrow = require("pyarrow")
    compute = require("pyarrow.compute")
    arrow_csv = require("pyarrow.csv")
    data = text.encode("utf-8")
    names = next(csv.reader(io.StringIO(text[:text.find("\n") + 1 or len(text)])), [])
    table = arrow_csv.read_csv(io.BytesIO(data), convert_options=arrow_csv.ConvertOptions(
        column_types={name: pyarrow.string() for name in names}, strings_can_be_null=True, null_values=[""]))
    columns = []
    for name, column in zip(table.column_names, table.columns):
        if name in keep:
            column = compute.fill_null(column, "")
        elif name in booleans:
            column = compute.cast(column, pyarrow.bool_())
        elif name in integers:
            column = compute.cast(column, pyarrow.int64())
        elif name in dates:
            column = compute.cast(compute.strptime(column, format="%Y-%m-%d", unit="s"), pyarrow.date32())
        columns.append(column)
    table = pyarrow.Table.from_arrays(columns, names=table.column_names)
    mapping = {pyarrow.bool_(): pd.BooleanDtype(), pyarrow.int64(): pd.Int64Dtype()}
    frame: "pandas.DataFrame" = table.to_pandas(types_mapper=mapping.get, date_as_object=False)
    for name in dates:  # datetime64 as pandas' own reader gives it
        if name in frame.columns:
            frame[name] = frame[name].astype("datetime64[us]")
    return frame


def records_frame(records: Sequence[Mapping[str, Any]], columns: Sequence[str],
                  dtypes: Optional[Mapping[str, str]] = None) -> "pandas.DataFrame":
    """A DataFrame from a (short) list of dicts, with the columns in the given order and typed."""
    pd = require("pandas", "DataFrames")
    frame: "pandas.DataFrame" = pd.DataFrame(
        {name: [record.get(name) for record in records] for name in columns}, columns=list(columns))
    for name, dtype in (dtypes or {}).items():
        column: Any = frame[name]  # dtype names are checked by pandas at run time
        frame[name] = column.astype(dtype)
    return frame
