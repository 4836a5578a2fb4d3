"""Endpoints of the partners we call, and the calls themselves."""
import os
from urllib.parse import urljoin

import httpx
import requests

# Documentation only; never requested.
PARTNER_DOCS = "http://docs.fulfilment-partner.com/api/v1/reference"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

FULFILMENT_BASE = "http://api.fulfilment-partner.com/v1/"  # expect: insecure-transport
CUSTOMS_URL = "https://customs.tradelane.io/declarations"
LEGACY_WMS = "http://10.20.4.17:8080/wms"  # expect: insecure-transport
SIDE_CAR = "http://127.0.0.1:15000/stats"
METADATA = "http://169.254.169.254/latest/meta-data/instance-id"
DEV_STUB = "http://fulfilment.local/v1"


class LabelPrinter:
    BASE = "http://print-hub.acme-warehouse.com"  # expect: insecure-transport

    def send_job(self, zpl: str) -> None:
        resp = requests.post(f"{self.BASE}/print", data=zpl, timeout=5)
        resp.raise_for_status()


def create_shipment(order: dict) -> dict:
    resp = requests.post(urljoin(FULFILMENT_BASE, "shipments"), json=order, timeout=10)
    resp.raise_for_status()
    return resp.json()


def declare(declaration: dict) -> None:
    requests.post(CUSTOMS_URL, json=declaration, timeout=10).raise_for_status()


def wms_bins(zone: str) -> list[str]:
    resp = requests.get(LEGACY_WMS + "/bins", params={"zone": zone}, timeout=5)
    resp.raise_for_status()
    return resp.json()


def sidecar_stats() -> dict:
    resp = requests.get(SIDE_CAR, timeout=1)
    resp.raise_for_status()
    return resp.json()


def dev_shipment(order: dict) -> dict:
    resp = requests.post(f"{DEV_STUB}/shipments", json=order, timeout=5)
    resp.raise_for_status()
    return resp.json()


def carrier_client() -> httpx.Client:
    return httpx.Client(base_url="http://api.parcelnet.de/v2", timeout=10)  # expect: insecure-transport


def tracking_client() -> httpx.Client:
    return httpx.Client(base_url=os.environ.get("TRACKING_BASE_URL", "https://track.parcelnet.de"), timeout=10)


def cluster_client() -> httpx.Client:
    return httpx.Client(base_url="http://inventory.default.svc.cluster.local:8000", timeout=5)


def customs_status(ref: str) -> str:
    resp = requests.get(
        "http://status.tradelane.io/declarations/" + ref,  # expect: insecure-transport
        timeout=5,
    )
    resp.raise_for_status()
    return resp.json()["status"]
