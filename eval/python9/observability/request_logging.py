"""Litestar-style request logging middleware and structlog configuration."""
import logging
import time

import structlog
from litestar.middleware import AbstractMiddleware
from litestar.types import Receive, Scope, Send

structlog.configure(processors=[structlog.processors.TimeStamper(fmt="iso"), structlog.processors.JSONRenderer()])
slog = structlog.get_logger("http")
log = logging.getLogger("http.access")

REDACT = {"authorization", "cookie", "x-api-key"}


def redact(headers):
    return {k: ("[redacted]" if k.lower() in REDACT else v) for k, v in headers.items()}


class AccessLogMiddleware(AbstractMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        headers = {k.decode(): v.decode() for k, v in scope.get("headers", [])}
        status = {}

        async def capture(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self.app(scope, receive, capture)
        slog.info(
            "request",
            path=scope["path"],
            status=status.get("code"),
            ms=round((time.perf_counter() - started) * 1000, 1),
            headers=redact(headers),
        )


class DebugHeadersMiddleware(AbstractMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode(): v.decode() for k, v in scope.get("headers", [])}
        api_token = headers.get("x-api-token")
        slog.debug("debug request", path=scope["path"], api_token=api_token)  # expect: secret-in-log
        slog.debug("debug request", path=scope["path"], token_present=bool(api_token))
        log.debug("request header names: %s", sorted(headers))
        await self.app(scope, receive, send)
