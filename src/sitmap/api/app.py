"""The FastAPI application: built by ``create_app`` from explicit settings, nothing global at import.

Routes live in small modules (``events``, ``documents``, ``overview``, ``site``); this module wires
them, limits request sizes, and turns every error into a short JSON body without a stack trace.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitmap import store

LOG = logging.getLogger("sitmap.api")
MAX_BODY_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """What the server is told at start: the database, an optional online tile URL, the body limit."""

    db: str | None = None
    tiles: str | None = None
    tiles_attribution: str = ""
    max_body_bytes: int = MAX_BODY_BYTES


def _load_default_resources() -> Any:
    from sitmap.pipeline import load_resources

    return load_resources()


class Pipeline:
    """The coding pipeline for ``POST /documents``, loaded on first use and then kept."""

    def __init__(self, loader: Callable[[], Any]) -> None:
        self._loader = loader
        self._resources: Any = None
        self._lock = threading.Lock()

    def resources(self) -> Any:
        """The loaded resources (language model, gazetteer, classifier), loading them once."""
        with self._lock:
            if self._resources is None:
                self._resources = self._loader()
            return self._resources


def create_app(
    db: str | None = None,
    resources_loader: Callable[[], Any] = _load_default_resources,
    settings: Settings | None = None,
) -> FastAPI:
    """The sitmap API and web map over the database ``db`` (a URL or a SQLite file path)."""
    from sitmap.api import documents, events, overview, site

    settings = settings or Settings(db=db)
    app = FastAPI(
        title="sitmap",
        summary="Conflict events coded from news, with the evidence for every field.",
        version="0.1.0",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = store.open_database(settings.db if settings.db is not None else db)
    app.state.pipeline = Pipeline(resources_loader)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _server_error)
    app.include_router(events.router)
    app.include_router(documents.router)
    app.include_router(overview.router)
    site.mount(app)
    return app


def error(status: int, message: str, **extra: Any) -> JSONResponse:
    """A JSON error response: ``{"error": message, ...extra}``."""
    return JSONResponse({"error": message, **extra}, status_code=status)


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    response = error(exc.status_code, str(exc.detail))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [
        {"where": ".".join(str(part) for part in problem.get("loc", ())), "problem": problem.get("msg", "")}
        for problem in exc.errors()
    ]
    return error(422, "invalid request", problems=problems)


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    LOG.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error(500, "internal server error")


class _TooLarge(StarletteHTTPException):
    """Raised while reading a body that grows past the limit; answered as 413 by ``_http_error``."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body over the limit of {max_bytes} bytes")


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, whether or not they declare their length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, send)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise _TooLarge(self.max_bytes)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        await error(413, f"request body over the limit of {self.max_bytes} bytes")(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
