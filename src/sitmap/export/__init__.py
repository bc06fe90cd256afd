"""Event output formats: JSON lines (the contract), flat CSV, ACLED-style CSV, GeoJSON."""

from sitmap.export.acled import ACLED_COLUMNS, acled_row, write_acled_csv
from sitmap.export.fields import CONTRACT_FIELDS, event_record
from sitmap.export.geojson import event_feature, write_geojson
from sitmap.export.jsonl import write_csv, write_jsonl
from sitmap.export.table import write_rows, write_table

WRITERS = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "table": write_table,
}

__all__ = [
    "ACLED_COLUMNS", "CONTRACT_FIELDS", "WRITERS", "acled_row", "event_feature", "event_record",
    "write_acled_csv", "write_csv", "write_geojson", "write_jsonl", "write_rows", "write_table",
]  # fmt: skip
