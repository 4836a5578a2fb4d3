import logging

import aiohttp
from aiohttp import web

log = logging.getLogger("relay")
routes = web.RouteTableDef()


async def on_startup(app: web.Application) -> None:
    app["upstream"] = aiohttp.ClientSession(  # expect: missing-timeout
        base_url=app["config"]["upstream_url"],
        timeout=aiohttp.ClientTimeout(total=None, sock_connect=None),
    )
    app["geo"] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=8))


async def on_cleanup(app: web.Application) -> None:
    await app["upstream"].close()
    await app["geo"].close()


@routes.post("/relay/events")
async def relay_events(request: web.Request) -> web.Response:
    body = await request.read()
    async with request.app["upstream"].post("/ingest", data=body) as resp:
        if resp.status >= 400:
            raise web.HTTPBadGateway()
    return web.json_response({"relayed": True})


@routes.get("/geo/{ip}")
async def geo(request: web.Request) -> web.Response:
    session = request.app["geo"]
    async with session.get(f"https://geo.example.net/v1/{request.match_info['ip']}", ssl=False) as resp:  # expect: tls-verification-disabled
        resp.raise_for_status()
        return web.json_response(await resp.json())


@routes.post("/hooks/sentry")
async def sentry_hook(request: web.Request) -> web.Response:
    issue = await request.json()
    log.warning("sentry issue %s", issue.get("id"))
    return web.Response(status=204)


def make_app(config: dict) -> web.Application:
    app = web.Application()
    app["config"] = config
    app.add_routes(routes)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app({"upstream_url": "https://ingest.example.com"}), port=8080)
