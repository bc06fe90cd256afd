"""The one place the stages are wired: documents in, events, statistics and failures out.

The CLI, the HTTP API and the distributed backfill all call ``process``, so a laptop run and a
cluster run code articles the same way.

    Document -> split_sentences -> geo.locate (toponyms) -> extract.find_events -> merge.merge_events

Places are resolved before events are found: choosing an event's place needs every toponym of
the article already disambiguated against the others (country focus, proximity).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from sitmap import extract, geo, merge, nlp
from sitmap.extract.subevents import SubeventClassifier
from sitmap.geo import Gazetteer
from sitmap.model import ArticleError, Document, Event, Failure, Result, Statistic


@dataclass(frozen=True)
class Resources:
    """What the stages need loaded once per process: language model, gazetteer, classifier."""

    language: Language
    gazetteer: Gazetteer
    classifier: SubeventClassifier | None


def load_resources(
    model: str = nlp.DEFAULT_MODEL, gazetteer: Path | None = None, classifier: bool = True
) -> Resources:
    """Load the language pipeline, the gazetteer and (unless turned off) the sub-event classifier."""
    return Resources(
        language=nlp.load_language(model),
        gazetteer=geo.load_gazetteer(gazetteer),
        classifier=SubeventClassifier.load() if classifier else None,
    )


def process(documents: Iterable[Document], resources: Resources, merge_reports: bool = True) -> Result:
    """Code every document; an article that breaks a stage is recorded as failed and the batch goes on.

    With ``merge_reports`` (the default) reports of one event in different documents become one
    event; without it each document's events are returned as the document alone codes them.
    """
    events: list[Event] = []
    statistics: list[Statistic] = []
    failures: list[Failure] = []
    done: list[Document] = []
    for document in documents:
        try:
            found, stats = code_document(document, resources)
        except ArticleError as error:
            failures.append(Failure(document.id, document.origin, str(error), document.raw))
            continue
        events += found
        statistics += stats
        done.append(document)
    return Result(merge.merge_events(events) if merge_reports else events, statistics, failures, done)


def code_document(document: Document, resources: Resources) -> tuple[list[Event], list[Statistic]]:
    """The events and statistics of one document, before cross-document merging."""
    sentences = nlp.split_sentences(document.text)
    toponyms = geo.locate(document, sentences, resources.gazetteer)
    return extract.find_events(document, sentences, toponyms, resources.language, resources.classifier)
