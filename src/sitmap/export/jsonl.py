"""JSON lines (one contract record per line) and a flat CSV of the same fields."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from sitmap.export.fields import CONTRACT_FIELDS, event_record
from sitmap.model import Event

_NESTED = ("claims", "territory", "sources", "evidence", "tags")


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write one JSON object per event; the number written."""
    count = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write the contract fields as CSV columns, nested fields as JSON text; the number written."""
    writer = csv.DictWriter(out, fieldnames=CONTRACT_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        record = event_record(event)
        for name in _NESTED:
            record[name] = json.dumps(record[name], ensure_ascii=False) if record[name] else ""
        writer.writerow(record)
        count += 1
    return count
