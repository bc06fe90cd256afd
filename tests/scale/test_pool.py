"""Coding batches on forked processes: the results of one process, in input order."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from sitmap import ingest
from sitmap.model import Document, to_dict
from sitmap.pipeline import Resources, load_resources, process
from sitmap.scale.pool import available_cores, code_batches

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources(classifier=False)


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    read = [item for item in ingest.read_inputs([str(EXAMPLES)]) if isinstance(item, Document)]
    assert len(read) >= 10
    return read


def _batches(documents: list[Document], size: int) -> list[list[Document]]:
    return [documents[i : i + size] for i in range(0, len(documents), size)]


def test_two_processes_code_every_batch_as_this_process_does_in_input_order(resources, documents):
    batches = _batches(documents, 2)
    expected = [process(batch, resources, merge_reports=False) for batch in batches]
    children: set[int] = set()
    got = []
    for result in code_batches(batches, resources, processes=2):
        children |= {child.pid for child in multiprocessing.active_children() if child.pid}
        got.append(result)
    assert len(children) == 2, "the batches were coded on two forked processes"
    assert [[to_dict(e) for e in r.events] for r in got] == [[to_dict(e) for e in r.events] for r in expected]
    assert [[d.id for d in r.documents] for r in got] == [[d.id for d in batch] for batch in batches]
    assert not multiprocessing.active_children(), "the processes end with the batches"


def test_one_batch_or_one_process_codes_in_this_process(resources, documents):
    before = set(multiprocessing.active_children())
    for processes, batches in ((2, [documents[:3]]), (1, _batches(documents[:6], 2))):
        results = list(code_batches(batches, resources, processes))
        assert set(multiprocessing.active_children()) == before
        assert [[d.id for d in r.documents] for r in results] == [[d.id for d in b] for b in batches]
    assert list(code_batches([], resources, 2)) == []


def test_an_error_in_a_child_reaches_the_caller(resources, documents):
    broken = Document(id="broken", text=None)  # type: ignore[arg-type]
    with pytest.raises((TypeError, AttributeError)):
        list(code_batches([documents[:2], [broken], documents[2:4]], resources, processes=2))
    assert not multiprocessing.active_children()


def test_available_cores_counts_at_least_one():
    assert available_cores() >= 1
