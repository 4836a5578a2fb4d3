"""Connectors for the logistics partners and internal services.

Partner API docs: http://docs.shipfast.co/api/v1 (the docs site itself is HTTP only).
"""
import asyncio
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import aiohttp
import httpx
import requests
import websockets

SHIPFAST_BASE = "http://partner.shipfast.co/"  # expect: insecure-transport
LEGACY_ERP = "http://erp.fincore-legacy.com:8069"  # expect: insecure-transport
CONSUL = "http://localhost:8500"
METADATA = "http://metadata.google.internal/computeMetadata/v1"
ORDERS_SVC = "http://orders.default.svc.cluster.local"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CARRIER_PORTAL = "http://portal.carrier-one.com/login"
TIMEOUT = 10


def shipfast_quote(parcel: dict) -> dict:
    resp = requests.post(urljoin(SHIPFAST_BASE, "v1/quotes"), json=parcel, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def erp_invoice(number: str) -> dict:
    resp = requests.get(LEGACY_ERP + "/api/invoices/" + number, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def consul_value(key: str) -> bytes:
    resp = requests.get(f"{CONSUL}/v1/kv/{key}", params={"raw": 1}, timeout=2)
    resp.raise_for_status()
    return resp.content


def project_id() -> str:
    resp = requests.get(f"{METADATA}/project/project-id", headers={"Metadata-Flavor": "Google"}, timeout=2)
    resp.raise_for_status()
    return resp.text


def order_status(order_id: str) -> str:
    resp = httpx.get(f"{ORDERS_SVC}/orders/{order_id}/status")
    resp.raise_for_status()
    return resp.json()["status"]


def scanner_health() -> bool:
    return httpx.get("http://10.20.0.15:8080/health", timeout=3).is_success  # expect: insecure-transport


def customs_client() -> httpx.Client:
    return httpx.Client(base_url="http://customs-gateway.eu-logistics.net/api", timeout=20)  # expect: insecure-transport


async def tracking_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url="http://track.parcelnet.io")  # expect: insecure-transport


async def live_positions(handle) -> None:
    async with websockets.connect("ws://fleet-feed.parcelnet.io/positions") as ws:  # expect: insecure-transport
        async for message in ws:
            handle(message)


def manifest_xml(items: list[dict]) -> bytes:
    root = ET.Element("manifest", {"xmlns:xsi": XSI})
    for item in items:
        ET.SubElement(root, "item", {"sku": item["sku"], "qty": str(item["qty"])})
    return ET.tostring(root)


def portal_link(tracking_number: str) -> str:
    """Link shown to the customer in the e-mail; we never call it."""
    return f"{CARRIER_PORTAL}?tn={tracking_number}"


async def poll_depot(host: str) -> int:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{host}/depot/status", timeout=aiohttp.ClientTimeout(total=5)) as resp:
            return resp.status


if __name__ == "__main__":
    print(asyncio.run(poll_depot("127.0.0.1:8081")))
