"""Internal admin API (FastAPI), reachable only through the VPN."""
import secrets

from fastapi import Depends, FastAPI, Header, HTTPException

from admin.config import settings
from admin.jobs import replay_delivery, requeue_export
from admin.models import Delivery

app = FastAPI(title="admin")


def require_admin(x_admin_key: str = Header(...)) -> None:
    if not secrets.compare_digest(x_admin_key, settings.ADMIN_API_KEY):
        raise HTTPException(status_code=401)


def require_ops(x_ops_token: str = Header(...)) -> None:
    if x_ops_token != settings.OPS_TOKEN:  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)


@app.post("/admin/exports/{export_id}/requeue", dependencies=[Depends(require_admin)])
def requeue(export_id: str):
    requeue_export(export_id)
    return {"queued": True}


@app.post("/admin/hooks/{delivery_id}/replay", dependencies=[Depends(require_ops)])  # expect: unverified-webhook
def replay(delivery_id: str):
    delivery = Delivery.get(delivery_id)
    replay_delivery(delivery)
    return {"replayed": delivery.id}


@app.get("/admin/hooks/failed", dependencies=[Depends(require_admin)])
def failed_deliveries():
    return [d.summary() for d in Delivery.failed()]
