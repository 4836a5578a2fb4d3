"""FastAPI gateway: shared HTTP clients live on app.state for the app's lifetime."""
import logging
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from .config import settings
from .routers import inbound, partners, reports

logger = logging.getLogger("gateway")


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.catalog = httpx.AsyncClient(base_url=settings.catalog_url, timeout=settings.http_timeout)
    app.state.exports = httpx.AsyncClient(  # expect: missing-timeout
        base_url="https://exports.datalake-vendor.io/v1",
        timeout=None,
        headers={"Authorization": f"Bearer {settings.exports_token}"},
    )
    app.state.legacy = httpx.AsyncClient(base_url="http://erp.acme-legacy.com/api", timeout=20.0)  # expect: insecure-transport
    app.state.sidecar = httpx.AsyncClient(base_url="http://localhost:9901", timeout=2.0)
    logger.info("clients ready (exports token %s)", "set" if settings.exports_token else "missing")
    yield
    await app.state.catalog.aclose()
    await app.state.exports.aclose()
    await app.state.legacy.aclose()
    await app.state.sidecar.aclose()


app = FastAPI(lifespan=lifespan)
app.include_router(partners.router)
app.include_router(inbound.router)
app.include_router(reports.router)
