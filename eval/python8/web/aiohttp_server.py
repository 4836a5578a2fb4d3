"""Repository events receiver and internal admin API on aiohttp.web."""
import hashlib
import hmac
import json
import logging
import os

import aiohttp
from aiohttp import web

logger = logging.getLogger(__name__)

GITHUB_WEBHOOK_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
INTERNAL_TOKEN = os.environ["INTERNAL_TOKEN"]
routes = web.RouteTableDef()


@routes.post("/github/events")
async def github_events(request: web.Request) -> web.Response:
    body = await request.read()
    received_signature = request.headers.get("X-Hub-Signature-256", "")
    expected_signature = "sha256=" + hmac.new(GITHUB_WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    if received_signature != expected_signature:  # expect: timing-unsafe-comparison
        raise web.HTTPUnauthorized()
    event = json.loads(body)
    await request.app["events"].put((request.headers["X-GitHub-Event"], event))
    return web.json_response({"queued": True})


@routes.post("/admin/reindex")
async def reindex(request: web.Request) -> web.Response:
    if request.headers.get("X-Internal-Token") != INTERNAL_TOKEN:  # expect: timing-unsafe-comparison
        raise web.HTTPForbidden()
    repo = (await request.json())["repo"]
    session: aiohttp.ClientSession = request.app["http"]
    async with session.post(f"https://search.internal/reindex/{repo}") as resp:
        resp.raise_for_status()
    return web.json_response({"reindexing": repo})


@routes.get("/admin/status")
async def status(request: web.Request) -> web.Response:
    token = request.headers.get("X-Internal-Token")
    if token is None or len(token) != len(INTERNAL_TOKEN):
        raise web.HTTPForbidden()
    if not hmac.compare_digest(token, INTERNAL_TOKEN):
        raise web.HTTPForbidden()
    return web.json_response({"queue": request.app["events"].qsize()})


async def start_http(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout())  # expect: missing-timeout


async def stop_http(app: web.Application) -> None:
    await app["http"].close()


def build_app() -> web.Application:
    import asyncio

    app = web.Application()
    app["events"] = asyncio.Queue()
    app.add_routes(routes)
    app.on_startup.append(start_http)
    app.on_cleanup.append(stop_http)
    return app


if __name__ == "__main__":
    web.run_app(build_app(), port=8081)
