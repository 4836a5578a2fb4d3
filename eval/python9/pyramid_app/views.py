"""Pyramid views for the reseller portal."""
import logging

import requests
from pyramid.httpexceptions import HTTPBadGateway, HTTPForbidden
from pyramid.view import view_config

log = logging.getLogger(__name__)

INVENTORY_API = "https://inventory.internal-erp.example.net/api"


def _erp_session(registry):
    s = requests.Session()
    s.headers["X-Erp-Client"] = registry.settings["erp.client_id"]
    return s


@view_config(route_name="stock", renderer="json", request_method="GET")
def stock_view(request):
    sku = request.matchdict["sku"]
    resp = requests.get(f"{INVENTORY_API}/stock/{sku}", timeout=request.registry.settings["erp.timeout"])
    if resp.status_code != 200:
        raise HTTPBadGateway()
    return resp.json()


@view_config(route_name="reserve", renderer="json", request_method="POST")
def reserve_view(request):
    reseller_api_key = request.headers.get("X-Reseller-Key", "")
    expected_api_key = request.registry.settings["reseller.key"]
    if reseller_api_key != expected_api_key:  # expect: timing-unsafe-comparison
        raise HTTPForbidden()
    payload = request.json_body
    resp = requests.post(f"{INVENTORY_API}/reservations", json=payload)  # expect: missing-timeout
    resp.raise_for_status()
    return resp.json()


@view_config(route_name="bulk_stock", renderer="json", request_method="POST")
def bulk_stock_view(request):
    s = requests.Session()
    out = {}
    for sku in request.json_body.get("skus", []):
        r = s.get(f"{INVENTORY_API}/stock/{sku}")  # expect: missing-timeout
        out[sku] = r.json() if r.ok else None
    return out


@view_config(route_name="audit", renderer="json")
def audit_view(request):
    log.info("audit call from %s, headers=%s", request.client_addr, request.headers)  # expect: secret-in-log
    log.info("audit reseller key length %d", len(request.headers.get("X-Reseller-Key", "")))
    return {"ok": True}


@view_config(route_name="prices", renderer="json")
def prices_view(request):
    erp = _erp_session(request.registry)
    resp = erp.get(f"{INVENTORY_API}/prices", timeout=8)
    resp.raise_for_status()
    return resp.json()
