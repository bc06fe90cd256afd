"""JSON Lines documents: one object per line, each bad line a Failure naming file and line."""

import json
from datetime import date

import pytest

from sitmap.ingest import read_inputs
from sitmap.model import Document, Failure

GOOD = {
    "id": "wire-7781",
    "text": "Protesters marched in Khartoum on Thursday, witnesses said.",
    "title": "March in Khartoum",
    "published": "2024-02-01",
    "source": "Nile Wire",
    "url": "https://nilewire.example/7781",
    "section": "Africa",
}


def _write(tmp_path, lines, name="batch.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines))
    return path


def test_every_field_of_a_line_reaches_the_document(tmp_path):
    path = _write(tmp_path, [json.dumps(GOOD)])
    (document,) = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert (document.id, document.text, document.title, document.published) == (
        "wire-7781",
        GOOD["text"],
        "March in Khartoum",
        date(2024, 2, 1),
    )
    assert (document.source, document.url, document.section) == ("Nile Wire", GOOD["url"], "Africa")
    assert document.origin == f"{path}:1" and document.format == "jsonl"
    assert document.raw == json.dumps(GOOD).encode()


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-02-01", date(2024, 2, 1)),
        ("2024-02-01T23:10:00Z", date(2024, 2, 1)),
        ("2024-02-01T08:00:00+03:00", date(2024, 2, 1)),
        ("2024-02-01 08:00:00", date(2024, 2, 1)),
        (None, date(2030, 1, 1)),
    ],
)
def test_published_accepts_dates_and_iso_datetimes(tmp_path, published, expected):
    path = _write(tmp_path, [json.dumps({"text": "Clashes in Bunia.", "published": published})])
    (document,) = list(read_inputs([str(path)], published=date(2030, 1, 1)))
    assert document.published == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": "Shelling in Kherson."', "line 2: malformed JSON"),
        ('{"id": "a", "title": "No body"}', 'line 2: no "text" field'),
        ('{"id": "a", "text": 42}', 'line 2: "text" must be a string, got int'),
        ('{"id": "a", "text": "   "}', 'line 2: "text" is empty'),
        (
            '{"text": "Raid in Gao.", "published": "12/03/2024"}',
            "line 2: bad \"published\" date '12/03/2024'",
        ),
        ('{"text": "Raid in Gao.", "published": "2024-02-30"}', 'line 2: bad "published" date'),
        ('{"text": "Raid in Gao.", "title": ["a", "b"]}', 'line 2: "title" must be a string'),
        ('{"text": "Raid in Gao.", "id": {"n": 1}}', 'line 2: "id" must be a string or an integer'),
        ('["not", "an", "object"]', "line 2: expected a JSON object, got list"),
        (b'{"text": "Caf\xe9 bombed in Mopti"}', "line 2: not UTF-8"),
    ],
)
def test_bad_line_is_a_failure_naming_the_line_and_the_others_go_on(tmp_path, line, reason):
    path = _write(tmp_path, [json.dumps(GOOD), line, json.dumps({"text": "Arrests in Lahore."})])
    items = list(read_inputs([str(path)]))
    assert [type(item) for item in items] == [Document, Failure, Document]
    bad = items[1]
    assert bad.reason.startswith(reason), bad.reason
    assert bad.origin == f"{path}:2"
    assert bad.raw == (line if isinstance(line, bytes) else line.encode())


def test_array_on_a_json_line_is_named_as_not_an_object(tmp_path):
    path = _write(tmp_path, ['{"text": "ok"}', "[1, 2]"], name="x.json")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Failure) and item.reason.startswith("malformed JSON")


def test_blank_lines_are_skipped_and_line_numbers_still_count_them(tmp_path):
    path = _write(tmp_path, [json.dumps(GOOD), "", "   ", json.dumps({"text": "Strike on Marib."})])
    items = list(read_inputs([str(path)]))
    assert [item.origin for item in items] == [f"{path}:1", f"{path}:4"]


def test_line_without_id_gets_a_hash_of_its_text(tmp_path):
    record = json.dumps({"text": "Strike on Marib."})
    path = _write(tmp_path, [record, record.replace(": ", ":")])
    first, second = list(read_inputs([str(path)]))
    assert first.id == second.id and first.id.startswith("sha1:")


def test_line_over_the_size_limit_is_a_failure_and_later_lines_are_read(tmp_path):
    long_line = json.dumps({"text": "Fighting in Sittwe. " * 400})
    path = _write(tmp_path, [long_line, json.dumps({"text": "Arrests in Lahore."})])
    too_long, document = list(read_inputs([str(path)], max_bytes=1000))
    assert isinstance(too_long, Failure) and "line 1 too large" in too_long.reason
    assert len(too_long.raw) == 1000
    assert document.text == "Arrests in Lahore."


def test_json_file_with_an_array_gives_one_document_per_item(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(
        json.dumps([GOOD, {"id": 9, "text": "Curfew in Kismayo."}, {"text": 1}]), encoding="utf-8"
    )
    first, second, bad = list(read_inputs([str(path)]))
    assert (first.id, second.id, second.origin) == ("wire-7781", "9", f"{path}[1]")
    assert isinstance(bad, Failure) and bad.reason == 'item 2: "text" must be a string, got int'


def test_empty_jsonl_file_is_a_failure(tmp_path):
    path = _write(tmp_path, ["", "  "])
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Failure) and item.reason == "empty file (no JSON lines)"
