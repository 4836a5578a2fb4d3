import logging

import aiohttp
from sanic import Sanic
from sanic.response import json as json_response

app = Sanic("quotes")
log = logging.getLogger("quotes")

PRICING_URL = "https://pricing.freight-partner.com/v3"
WEATHER_URL = "http://api.weather-feed.org/v1/current"  # expect: insecure-transport


@app.before_server_start
async def open_clients(app, _loop):
    app.ctx.pricing = aiohttp.ClientSession(
        base_url=PRICING_URL,
        timeout=aiohttp.ClientTimeout(total=15, connect=3),
        raise_for_status=True,
    )
    app.ctx.weather = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None))  # expect: missing-timeout
    app.ctx.metrics = aiohttp.ClientSession(timeout=None)


@app.after_server_stop
async def close_clients(app, _loop):
    await app.ctx.pricing.close()
    await app.ctx.weather.close()
    await app.ctx.metrics.close()


async def local_weather(city: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(WEATHER_URL, params={"q": city}) as resp:
            return await resp.json()  # expect: unchecked-response-status


async def port_congestion(port: str) -> dict:
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        async with session.get(f"https://ports.freight-partner.com/congestion/{port}", timeout=0) as resp:  # expect: missing-timeout
            return await resp.json()


@app.get("/quote/<lane>")
async def quote(request, lane: str):
    async with request.app.ctx.pricing.get(f"/lanes/{lane}") as resp:
        price = await resp.json()
    log.info("quote for %s requested by key %s", lane, request.headers.get("x-client-id"))
    return json_response({"lane": lane, "price": price})
