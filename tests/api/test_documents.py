"""POST /documents: refused without a valid key, bad bodies are clear 4xx, good ones are coded and stored."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from sitmap import store
from sitmap.api import Settings, create_app
from sitmap.store.keys import create_key, list_keys, revoke_key

ARTICLE = (
    "date 2024-03-12 World\n\n"
    "Government artillery shelled the town of Ariha in Idlib province on Tuesday, killing four civilians, "
    "rescuers said.\n"
)


def _load_pipeline():
    from sitmap.pipeline import load_resources

    return load_resources(classifier=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An app over an empty database, with one live and one revoked key; the pipeline loads on first use."""
    db = str(tmp_path_factory.mktemp("post") / "events.db")
    engine = store.open_database(db)
    live = create_key(engine, "test desk")
    revoked = create_key(engine, "old desk")
    revoke_key(engine, revoked)
    app = create_app(db, resources_loader=_load_pipeline, settings=Settings(db=db, max_body_bytes=64 * 1024))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, engine, live, revoked


@pytest.mark.parametrize(
    ("key", "status"),
    [(None, 401), ("", 401), ("sm_nope_nope", 403), ("revoked", 403), ("live-but-altered", 403)],
)
def test_writes_without_a_valid_key_are_refused(server, key, status):
    client, engine, live, revoked = server
    headers = {}
    if key == "revoked":
        headers["X-API-Key"] = revoked
    elif key == "live-but-altered":
        headers["X-API-Key"] = live + "x"
    elif key is not None:
        headers["X-API-Key"] = key
    response = client.post("/documents", content=ARTICLE, headers={"Content-Type": "text/plain", **headers})
    assert response.status_code == status
    assert "key" in response.json()["error"].lower()
    assert store.count_events(engine) == 0


@pytest.mark.parametrize(
    ("content_type", "body", "status", "words"),
    [
        ("text/plain", b"   ", 400, "empty body"),
        ("application/json", b"{not json", 422, "no readable document"),
        ("application/json", b'{"title": "no text"}', 422, "no readable document"),
        ("application/json", b'[{"text": ""}]', 422, "no readable document"),
        ("application/xml", b"<doc/>", 415, "application/json or text/plain"),
        ("text/plain", b"x" * (64 * 1024 + 1), 413, "over the limit"),
    ],
)
def test_bad_bodies_are_clear_4xx_errors_without_traces(server, content_type, body, status, words):
    client, _, live, _ = server
    response = client.post(
        "/documents", content=body, headers={"Content-Type": content_type, "X-API-Key": live}
    )
    assert response.status_code == status
    assert words in json.dumps(response.json())
    assert "Traceback" not in response.text


def test_a_posted_article_is_coded_stored_and_not_coded_twice(server):
    client, engine, live, _ = server
    headers = {"Content-Type": "text/plain", "X-API-Key": live}
    first = client.post("/documents", content=ARTICLE, headers=headers)
    assert first.status_code == 201, first.text
    body = first.json()
    assert len(body["documents"]) == 1 and body["key"] == "test desk"
    assert body["inserted"] >= 1 and store.count_events(engine) == body["inserted"]
    event = client.get(f"/events/{body['event_ids'][0]}").json()
    assert event["sources"][0]["doc_id"] == body["documents"][0]
    again = client.post("/documents", content=ARTICLE, headers=headers).json()
    assert again["already_stored"] == body["documents"] and again["inserted"] == 0
    assert [key.uses for key in list_keys(engine) if key.name == "test desk"][0] >= 2


def test_json_documents_are_accepted_one_or_many(server):
    client, _, live, _ = server
    documents = [
        {"id": "json-1", "text": "Protesters marched through Homs on Friday.", "published": "2024-03-15"},
        {
            "id": "json-2",
            "text": "Rebels shelled an army post near Hama on Saturday.",
            "published": "2024-03-16",
        },
    ]
    response = client.post("/documents", json=documents, headers={"X-API-Key": live})
    assert response.status_code == 201, response.text
    assert sorted(response.json()["documents"]) == ["json-1", "json-2"]
    assert client.get("/documents/json-1").json()["text"] == documents[0]["text"]
