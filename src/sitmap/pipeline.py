"""The one place the stages are wired: documents in, events, statistics and failures out.

The CLI, the HTTP API and the distributed backfill all call ``process``, so a laptop run and a
cluster run code articles the same way.

    Document -> split_sentences -> geo.locate (toponyms) -> extract.find_events_in -> merge.merge_events

Places are resolved before events are found: choosing an event's place needs every toponym of
the article already disambiguated against the others (country focus, proximity).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from sitmap import extract, geo, merge, nlp
from sitmap.extract.subevents import SubeventClassifier
from sitmap.geo import Gazetteer
from sitmap.heap import settle_heap
from sitmap.model import ArticleError, Document, Failure, Result
from sitmap.nlp import embeddings


@dataclass(frozen=True)
class Resources:
    """What the stages need loaded once per process: language model, gazetteer, classifier."""

    language: Language
    gazetteer: Gazetteer
    classifier: SubeventClassifier | None


def load_resources(
    model: str = nlp.DEFAULT_MODEL, gazetteer: Path | None = None, classifier: bool = True
) -> Resources:
    """Load the language pipeline, the gazetteer and (unless turned off) the sub-event classifier.

    The gazetteer and the embedding model's ONNX session are made on other threads meanwhile:
    SQLite reads the name hashes and onnxruntime builds its session without holding the GIL, so
    next to loading spaCy they cost a cold start almost nothing.
    """
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="sitmap-load") as loading:
        places = loading.submit(geo.load_gazetteer, gazetteer)
        if classifier:
            loading.submit(_warm_embeddings)
        language = nlp.load_language(model)
        resources = Resources(
            language=language,
            gazetteer=places.result(),
            classifier=SubeventClassifier.load() if classifier else None,
        )
    settle_heap()
    return resources


def _warm_embeddings() -> None:
    try:
        embeddings.prepare()
    except Exception:  # noqa: BLE001 - the same error is raised where embeddings are first used
        pass


def process(documents: Iterable[Document], resources: Resources, merge_reports: bool = True) -> Result:
    """Code every document; an article that breaks a stage is recorded as failed and the batch goes on.

    With ``merge_reports`` (the default) reports of one event in different documents become one
    event; without it each document's events are returned as the document alone codes them. The
    documents are read one by one, but the parse and the classifier run once over the batch.
    """
    failures: list[Failure] = []
    articles: list[extract.Article] = []
    for document in documents:
        try:
            articles.append(locate_places(document, resources))
        except ArticleError as error:
            failures.append(Failure(document.id, document.origin, str(error), document.raw))
    try:
        coded = extract.find_events_in(articles, resources.language, resources.classifier)
    except ArticleError:
        # one article cannot be coded: code them one at a time to record only that one as failed
        coded, articles = _one_by_one(articles, resources, failures)
    events = [event for found, _ in coded for event in found]
    statistics = [statistic for _, found in coded for statistic in found]
    done = [document for document, _, _ in articles]
    return Result(merge.merge_events(events) if merge_reports else events, statistics, failures, done)


def locate_places(document: Document, resources: Resources) -> extract.Article:
    """A document with its sentences and its resolved toponyms, ready for extraction."""
    sentences = nlp.split_sentences(document.text)
    return document, sentences, geo.locate(document, sentences, resources.gazetteer)


def _one_by_one(
    articles: list[extract.Article], resources: Resources, failures: list[Failure]
) -> tuple[list[extract.Coded], list[extract.Article]]:
    coded: list[extract.Coded] = []
    kept: list[extract.Article] = []
    for article in articles:
        try:
            coded += extract.find_events_in([article], resources.language, resources.classifier)
        except ArticleError as error:
            document = article[0]
            failures.append(Failure(document.id, document.origin, str(error), document.raw))
            continue
        kept.append(article)
    return coded, kept
