import base64
import hashlib
import hmac
import secrets

from django.utils.crypto import constant_time_compare
from flask import Flask, abort, request

app = Flask(__name__)
app.config.from_prefixed_env()


def _expected(body: bytes) -> str:
    return hmac.new(app.config["SIGNING_SECRET"].encode(), body, hashlib.sha256).hexdigest()


@app.post("/internal/jobs")
def internal_job():
    token = request.headers.get("X-Job-Token", "")
    if token == app.config["JOB_TOKEN"]:  # expect: timing-unsafe-comparison
        return {"ok": True}
    abort(403)


@app.post("/internal/sync")
def internal_sync():
    checksum = request.headers.get("X-Sync-Checksum", "")
    if not checksum.startswith("sha256="):
        abort(400)
    if len(checksum) != 71:
        abort(400)
    if hashlib.sha256(request.get_data()).hexdigest() == checksum[7:]:  # expect: timing-unsafe-comparison
        return {"ok": True}
    abort(401)


@app.post("/internal/reindex")
def internal_reindex():
    sig = request.headers.get("X-Reindex-Sig")
    if sig is None:
        abort(400)
    if not secrets.compare_digest(sig, _expected(request.get_data())):
        abort(401)
    return {"ok": True}


@app.post("/internal/export")
def internal_export():
    provided = request.headers.get("X-Export-Token", "")
    if not constant_time_compare(provided, app.config["EXPORT_TOKEN"]):
        abort(401)
    return {"ok": True}


@app.post("/internal/archive")
def internal_archive():
    received = request.headers.get("X-Archive-Digest", "")
    local_digest = base64.b64encode(hashlib.sha256(request.get_data()).digest()).decode()
    if local_digest is not received and received != "":  # expect: timing-unsafe-comparison
        abort(401)
    return {"ok": True}


def startup_check() -> None:
    if app.config["JOB_TOKEN"] == app.config["EXPORT_TOKEN"]:
        raise RuntimeError("job and export tokens must differ")
