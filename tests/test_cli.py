"""The `sitmap` command end to end on real files and real SQLite databases."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitmap.export import CONTRACT_FIELDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HTML_PAGE = ROOT / "tests" / "fixtures" / "html" / "sahel-dispatch-menaka-clash.html"
SITMAP = [sys.executable, "-m", "sitmap"]

ARTICLE = """ date 2024-04-09 World

Government troops shelled the town of Ariha in Idlib province on Monday, killing three civilians,
the White Helmets said.
"""


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SITMAP, *args], capture_output=True, text=True, input=stdin, timeout=600,
        env={**os.environ, **(env or {})}, cwd=ROOT,
    )  # fmt: skip


def events_in(db: Path) -> list[dict[str, object]]:
    result = run("events", "--db", str(db), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG\x00" * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        " date 2024-04-09 World\n\nCaf\xe9 bombing in Ariha.\n".encode("latin-1")[:-1] + b"\xff\xfe\n"
    )
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "jl-1", "text": "Gunmen abducted nine villagers in Kajuru, Kaduna State, on Sunday, police said.",
                    "published": "2024-04-08", "source": "Test Wire"}) + "\n{not json\n",
        encoding="utf-8",
    )  # fmt: skip
    return folder


def test_extract_prints_contract_records_with_doc_ids(tmp_path):
    article = tmp_path / "ariha.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "an article about shelling yields an event"
    assert all(tuple(r) == CONTRACT_FIELDS for r in records)
    assert all(r["sources"][0]["doc_id"] for r in records)
    assert any(
        r["sub_event_type"] == "Shelling/artillery/missile attack" and r["fatalities"] == 3 for r in records
    )


def test_extract_reads_standard_input_as_json_lines():
    line = json.dumps({"id": "stdin-1", "text": ARTICLE.split("\n", 2)[2], "published": "2024-04-09"})
    result = run("extract", "-", "--format", "jsonl", stdin=line + "\n")
    assert result.returncode == 0, result.stderr
    assert {json.loads(x)["sources"][0]["doc_id"] for x in result.stdout.splitlines()} == {"stdin-1"}


def test_extract_and_geoparse_of_mixed_inputs_write_everything_then_exit_1(mixed_inputs):
    """These commands end without the interpreter's teardown: the output and exit code must survive."""
    for command in ("extract", "geoparse"):
        result = run(command, str(mixed_inputs), "--format", "jsonl")
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert len([line for line in result.stderr.splitlines() if line.startswith("failed")]) >= 4
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert result.stdout.endswith("\n") and records, command
        if command == "geoparse":
            assert {"Ariha", "Kajuru"} <= {r["text"] for r in records}
        else:
            assert any(r["admin1"] == "Idlib" and r["fatalities"] == 3 for r in records)


def test_extract_on_two_processes_prints_what_one_process_prints(tmp_path, mixed_inputs):
    """Batches coded on two forked processes come back in input order, failed inputs reported."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for path in [*EXAMPLES.glob("*.txt"), *mixed_inputs.iterdir()]:
        (folder / path.name).write_bytes(path.read_bytes())
    runs = {
        workers: run("extract", str(folder), "--format", "jsonl", "--batch-size", "2", "--workers", workers)
        for workers in ("1", "2")
    }
    for result in runs.values():
        assert result.returncode == 1, result.stderr
        assert len([line for line in result.stderr.splitlines() if line.startswith("failed")]) >= 4
    assert runs["2"].stdout == runs["1"].stdout
    documents = {json.loads(line)["sources"][0]["doc_id"] for line in runs["2"].stdout.splitlines()}
    assert len(documents) >= 10 and "jl-1" in documents


def test_ingest_keeps_good_inputs_and_records_broken_ones(tmp_path, mixed_inputs):
    db = tmp_path / "mixed.db"
    result = run("ingest", str(mixed_inputs), "--db", str(db))
    assert result.returncode == 1, "some inputs failed"
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("failed")]) >= 4
    failed = run("documents", "--db", str(db), "--failed", "--format", "jsonl")
    reasons = {
        Path(r["origin"].split(":")[0]).name: r["reason"] for r in map(json.loads, failed.stdout.splitlines())
    }
    assert {"binary.txt", "empty.txt", "latin1.txt", "lines.jsonl"} <= set(reasons)
    assert all(reasons.values())
    stored = run("documents", "--db", str(db), "--format", "jsonl")
    ok = [r for r in map(json.loads, stored.stdout.splitlines()) if r["status"] == "ok"]
    assert {r["id"] for r in ok} >= {"jl-1"} and len(ok) == 2
    assert events_in(db)


def test_ingesting_the_same_files_twice_leaves_the_event_count_unchanged(tmp_path):
    db = tmp_path / "twice.db"
    assert run("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    first = events_in(db)
    second_run = run("ingest", str(EXAMPLES), "--db", str(db))
    assert second_run.returncode == 0, second_run.stderr
    assert len(events_in(db)) == len(first) > 0


def test_saved_page_yields_the_article_events_and_nothing_from_the_furniture():
    result = run("extract", str(HTML_PAGE), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    for record in records:
        for evidence in record["evidence"]:
            assert "Most read" not in evidence["text"] and "Sagaing" not in evidence["text"]
    assert {r["country"] for r in records} == {"Mali"}


def test_events_filters_and_export_from_the_database(tmp_path):
    db = tmp_path / "filters.db"
    run("ingest", str(EXAMPLES), "--db", str(db))
    everything = events_in(db)
    countries = {e["country"] for e in everything if e["country"]}
    assert len(countries) >= 3
    one = sorted(countries)[0]
    result = run("events", "--db", str(db), "--country", one, "--format", "jsonl")
    assert {json.loads(x)["country"] for x in result.stdout.splitlines()} == {one}
    exported = run("export", "--db", str(db), "--format", "acled-csv")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == len(everything)
    explain = run("events", "--db", str(db), "--explain", everything[0]["event_id"])
    assert explain.returncode == 0 and "Evidence" in explain.stdout
    # events within 50 km of the first placed event's point: itself at least, and nothing far away
    first = next(e for e in everything if e["latitude"] is not None)
    near = run(
        "events", "--db", str(db), "--near", f"{first['latitude']},{first['longitude']},50", "-f", "jsonl"
    )
    nearby = [json.loads(x) for x in near.stdout.splitlines()]
    assert first["event_id"] in {e["event_id"] for e in nearby}
    assert all(abs(e["latitude"] - first["latitude"]) < 0.5 for e in nearby)
    bad = run("events", "--db", str(db), "--near", "36.2,37.1")
    assert bad.returncode == 2 and "three numbers" in bad.stderr


def test_every_command_has_help():
    for command in ("extract", "ingest", "events", "export", "documents", "geoparse", "gazetteer"):
        result = run(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout, command


def test_a_missing_language_model_is_one_clear_line_and_exit_3(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--model", "no_such_model_pkg")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "no_such_model_pkg" in result.stderr


def test_a_bad_date_option_is_a_usage_error(tmp_path):
    result = run("extract", str(tmp_path), "--published", "yesterday")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_console_script_is_installed_beside_the_interpreter():
    exe = Path(sys.executable).parent / "sitmap"
    assert subprocess.run([exe, "--help"], capture_output=True, text=True).returncode == 0


FIRST_OUTLET = """ date 2020-02-28 Middle East

Syrian rebel fighters backed by Turkey recaptured the strategic town of Saraqib in Idlib province on
Thursday, severing the M5 highway between Damascus and Aleppo once more, opposition commanders said.

Government shelling killed four civilians, three of them children, in Idlib province on Thursday,
according to the Syria Civil Defence rescue service.
"""

SECOND_OUTLET = """ date 2020-02-27 World

Opposition forces on Thursday retook the town of Saraqeb in north-western Syria from government
troops, a war monitor said, cutting the main road linking the capital with Aleppo.

Artillery fire by government forces killed at least four civilians in Idlib on Thursday, the White
Helmets said.
"""


def test_two_outlets_reporting_the_same_fighting_never_double_count_it(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST_OUTLET, encoding="utf-8")
    second.write_text(SECOND_OUTLET, encoding="utf-8")
    alone, both = tmp_path / "alone.db", tmp_path / "both.db"
    assert run("ingest", str(first), "--db", str(alone)).returncode == 0
    assert run("ingest", str(first), "--db", str(both)).returncode == 0
    assert run("ingest", str(second), "--db", str(both)).returncode == 0
    assert len(events_in(both)) == len(events_in(alone))
    recapture = [e for e in events_in(both) if e["sub_event_type"] == "Non-state actor overtakes territory"]
    assert len(recapture) == 1 and len(recapture[0]["sources"]) == 2
    assert sum(e["fatalities"] for e in events_in(both)) == 4
