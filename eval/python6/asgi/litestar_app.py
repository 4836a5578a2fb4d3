import logging
import os

import httpx
from litestar import Litestar, get, post
from litestar.datastructures import State

logger = logging.getLogger("ledger")

LEDGER_API_KEY = os.environ.get("LEDGER_API_KEY", "lk_live_7Tq2Wm9Xc4Rv8Bn1Pz6Hy3Js")  # expect: hardcoded-credential
BANK_BASE = "http://10.20.4.17:8443/bank"  # expect: insecure-transport
AUDIT_BASE = "http://audit.ledger.svc.cluster.local/api"


async def on_startup(app: Litestar) -> None:
    app.state.bank = httpx.AsyncClient(  # expect: missing-timeout
        base_url=BANK_BASE,
        headers={"X-Api-Key": LEDGER_API_KEY},
        timeout=httpx.Timeout(connect=None, read=None, write=None, pool=None),
    )
    app.state.audit = httpx.AsyncClient(base_url=AUDIT_BASE)


async def on_shutdown(app: Litestar) -> None:
    await app.state.bank.aclose()
    await app.state.audit.aclose()


@get("/balances/{account_id:str}")
async def balance(account_id: str, state: State) -> dict:
    resp = await state.bank.get(f"/accounts/{account_id}/balance")
    resp.raise_for_status()
    return resp.json()


@post("/transfers")
async def transfer(data: dict, state: State) -> dict:
    logger.info("transfer %s -> %s", data["from"], data["to"])
    resp = await state.bank.post("/transfers", json=data)
    resp.raise_for_status()
    return resp.json()


app = Litestar(route_handlers=[balance, transfer], on_startup=[on_startup], on_shutdown=[on_shutdown])
