"""kopf operator for `DnsRecord` custom resources, backed by the registrar's REST API."""
import asyncio
import logging
import os

import httpx
import kopf

logger = logging.getLogger("dns-operator")

REGISTRAR_API = os.environ.get("REGISTRAR_API", "https://api.registrar.example.net/v3")
REGISTRAR_TOKEN = os.environ["REGISTRAR_TOKEN"]

registrar = httpx.AsyncClient(
    base_url=REGISTRAR_API,
    headers={"Authorization": f"Bearer {REGISTRAR_TOKEN}"},
    verify=os.environ.get("REGISTRAR_CA", True),
    timeout=15.0,
)
legacy_registrar = httpx.AsyncClient(
    base_url="https://legacy-dns.registrar.example.net",
    verify=False,  # expect: tls-verification-disabled
    timeout=15.0,
)


@kopf.on.create("example.com", "v1", "dnsrecords")
async def create_record(spec, name, namespace, patch, **_):
    resp = await registrar.post("/records", json={"name": spec["fqdn"], "type": spec["type"], "value": spec["value"]})
    if resp.is_error:
        raise kopf.TemporaryError(f"registrar said {resp.status_code}", delay=30)
    patch.status["recordId"] = resp.json()["id"]


@kopf.on.delete("example.com", "v1", "dnsrecords")
async def delete_record(status, **_):
    record_id = status.get("recordId")
    if record_id:
        resp = await registrar.delete(f"/records/{record_id}")
        resp.raise_for_status()


@kopf.on.field("example.com", "v1", "dnsrecords", field="spec.value")
async def update_record(status, new, **_):
    resp = await legacy_registrar.patch(f"/records/{status['recordId']}", json={"value": new})
    return resp.json()  # expect: unchecked-response-status


@kopf.daemon("example.com", "v1", "dnszones")
async def watch_zone(spec, stopped, **_):
    while True:  # expect: unbounded-retry, retry-without-backoff
        try:
            resp = await registrar.get(f"/zones/{spec['zone']}/serial")
            resp.raise_for_status()
            logger.info("zone %s serial %s", spec["zone"], resp.json()["serial"])
            return
        except httpx.HTTPError as exc:
            logger.warning("zone watch failed: %s", exc)
            await asyncio.sleep(5)


@kopf.on.startup()
async def configure(settings: kopf.OperatorSettings, **_):
    settings.posting.level = logging.WARNING
    settings.watching.server_timeout = 300
