"""``POST /documents`` (code and store articles; needs an API key) and ``GET /documents/{doc_id}``.

The body is JSON (one ``{"id"?, "text", "title"?, "published"?, "source"?, "url"?, "section"?}``
object or a list of them) or plain text, optionally led by a ``date YYYY-MM-DD Section`` line.
Both are read by the same ingest functions as the CLI, then coded by ``pipeline.process`` and
saved by ``store.save_result``; documents already stored are skipped.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from sitmap import store
from sitmap.api.params import engine
from sitmap.ingest.jsonl import json_documents
from sitmap.ingest.text_files import text_document
from sitmap.model import Document, Failure, Result, to_dict
from sitmap.store.keys import ApiKey, check_key

router = APIRouter(tags=["documents"])

ORIGIN = "api"
_TEXT_FIELDS = ("id", "status", "reason", "title", "source", "url", "published", "section", "text", "events")
_BODY_EXAMPLE = {
    "text": "Shelling hit the town of Ariha on Tuesday, killing three people.",
    "published": "2024-03-12",
}


def require_key(
    database: Annotated[Engine, Depends(engine)],
    x_api_key: Annotated[str | None, Header(description="An API key made by `sitmap keys create`.")] = None,
) -> ApiKey:
    """The live API key of the request; 401 when none is sent, 403 when it is wrong or revoked."""
    if not x_api_key:
        raise HTTPException(
            401, "this endpoint needs an API key in the X-API-Key header", {"WWW-Authenticate": "X-API-Key"}
        )
    key = check_key(database, x_api_key)
    if key is None:
        raise HTTPException(403, "the API key is not valid or has been revoked")
    return key


@router.post(
    "/documents",
    status_code=201,
    summary="Code articles into events and store them (needs X-API-Key)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "object"}, "example": _BODY_EXAMPLE},
                "text/plain": {
                    "schema": {"type": "string"},
                    "example": "date 2024-03-12 World\n\nShelling hit Ariha.",
                },
            },
        }
    },
)
async def post_documents(
    request: Request,
    key: Annotated[ApiKey, Depends(require_key)],
    database: Annotated[Engine, Depends(engine)],
) -> JSONResponse:
    """Read, code and store the posted articles; what was stored, merged and refused."""
    raw = await request.body()
    if not raw.strip():
        raise HTTPException(400, "empty body: send a JSON document (or a list) or plain text")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in ("application/json", ""):
        items = list(json_documents(raw, ORIGIN))
    elif media == "text/plain":
        items = [text_document(raw, ORIGIN)]
    else:
        raise HTTPException(415, f"send application/json or text/plain, not {media!r}")
    documents = [item for item in items if isinstance(item, Document)]
    refused = [item for item in items if isinstance(item, Failure)]
    if not documents:
        return JSONResponse(
            {"error": "no readable document in the body", "failures": _failures(refused)}, 422
        )
    from starlette.concurrency import run_in_threadpool

    body = await run_in_threadpool(_code_and_store, request, database, documents)
    body["failures"] = _failures(refused) + body["failures"]
    body["key"] = key.name
    return JSONResponse(body, status_code=201)


@router.get(
    "/documents/{doc_id}", summary="One stored document with its text (evidence offsets point into it)"
)
def get_document(doc_id: str, database: Annotated[Engine, Depends(engine)]) -> dict[str, Any]:
    """A stored document's metadata, text and sentence spans (``[start, end]``), without its raw bytes.

    Evidence records name a sentence by its index in ``sentences``, and their offsets point into ``text``.
    """
    from sitmap.nlp.sentences import split_sentences

    row = store.get_document(database, doc_id)
    if row is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    body = {name: to_dict(row[name]) for name in _TEXT_FIELDS}
    body["sentences"] = [[sentence.start, sentence.end] for sentence in split_sentences(row["text"] or "")]
    return body


def _code_and_store(request: Request, database: Engine, documents: list[Document]) -> dict[str, Any]:
    from sitmap.pipeline import process

    done = store.processed_ids(database, [d.id for d in documents])
    fresh = [d for d in documents if d.id not in done]
    result = process(fresh, request.app.state.pipeline.resources()) if fresh else Result()
    report = store.save_result(database, result)
    return {
        "documents": [d.id for d in result.documents],
        "already_stored": sorted(done),
        "inserted": report.inserted,
        "merged": report.merged,
        "statistics": report.statistics,
        "event_ids": report.event_ids,
        "failures": _failures(result.failures),
    }


def _failures(failures: list[Failure]) -> list[dict[str, str]]:
    return [{"doc_id": f.doc_id, "origin": f.origin, "reason": f.reason} for f in failures]
