"""Invoice service on Litestar."""
import logging
from typing import Any

import httpx
from litestar import Litestar, Request, get, post
from litestar.datastructures import State
from litestar.exceptions import HTTPException

logger = logging.getLogger("invoices")

BILLING_BASE = "http://billing.partner-api.com/v1"  # expect: insecure-transport
RENDERER_BASE = "http://pdf-renderer.internal:9000"


async def open_clients(app: Litestar) -> None:
    app.state.billing = httpx.AsyncClient(base_url=BILLING_BASE, timeout=15)
    app.state.renderer = httpx.AsyncClient(base_url=RENDERER_BASE, timeout=60)


async def close_clients(app: Litestar) -> None:
    await app.state.billing.aclose()
    await app.state.renderer.aclose()


@get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@post("/invoices/{invoice_id:str}/send")
async def send_invoice(request: Request, state: State, invoice_id: str) -> dict[str, Any]:
    logger.info("send invoice %s requested with headers %s", invoice_id, request.headers)  # expect: secret-in-log
    pdf = await state.renderer.post(f"/render/invoice/{invoice_id}")
    if pdf.status_code != 200:
        raise HTTPException(status_code=502, detail="renderer failed")
    resp = await state.billing.post(f"/invoices/{invoice_id}/deliveries", content=pdf.content)
    resp.raise_for_status()
    return {"delivery": resp.json()["id"]}


@post("/invoices/{invoice_id:str}/remind")
async def remind(request: Request, state: State, invoice_id: str) -> dict[str, Any]:
    user_agent = request.headers.get("user-agent", "-")
    logger.info("reminder for %s from %s", invoice_id, user_agent)
    resp = await state.billing.post(f"/invoices/{invoice_id}/reminders")
    resp.raise_for_status()
    return {"queued": True}


app = Litestar(
    route_handlers=[health, send_invoice, remind],
    on_startup=[open_clients],
    on_shutdown=[close_clients],
)
