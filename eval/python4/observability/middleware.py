"""Starlette middleware that logs inbound requests for the API gateway."""
import logging
import time

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

logger = logging.getLogger("gateway.access")
SENSITIVE = {"authorization", "cookie", "x-api-key", "stripe-signature"}


def redact(headers) -> dict:
    return {k: ("***" if k.lower() in SENSITIVE else v) for k, v in headers.items()}


class AccessLogMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        logger.info(
            "%s %s -> %s in %.1fms headers=%s",
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
            redact(request.headers),
        )
        return response


class DebugDumpMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        logger.debug("incoming %s %s headers=%s", request.method, request.url.path, request.headers)  # expect: secret-in-log
        session_cookie = request.cookies.get("session")
        logger.debug("session cookie present=%s", bool(session_cookie))
        return await call_next(request)
