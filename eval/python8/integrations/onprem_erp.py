"""Connector to the customer's on-premises ERP (self-signed certificates in the field)."""
import http.client
import json
import logging
import ssl

import requests
import urllib3

from connector.settings import ERP_CA_BUNDLE, ERP_HOST, ERP_PASSWORD, ERP_USER

logger = logging.getLogger(__name__)
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

ERP_BASE = "http://erp.acme-corp.com/api/v3"  # expect: insecure-transport
ERP_LOCAL_MIRROR = "http://erp-mirror.local/api/v3"
ERP_SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"


def _context(strict: bool) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if not strict:
        ctx.check_hostname = False  # expect: tls-verification-disabled
        ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    return ctx


def purchase_orders(since: str) -> list[dict]:
    resp = requests.get(
        f"{ERP_BASE}/purchase-orders",
        params={"since": since},
        auth=(ERP_USER, ERP_PASSWORD),
        verify=False,  # expect: tls-verification-disabled
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["items"]


def mirror_orders(since: str) -> list[dict]:
    resp = requests.get(f"{ERP_LOCAL_MIRROR}/purchase-orders", params={"since": since}, timeout=30)
    resp.raise_for_status()
    return resp.json()["items"]


def invoices(since: str) -> list[dict]:
    resp = requests.get(
        f"https://{ERP_HOST}/api/v3/invoices",
        params={"since": since},
        auth=(ERP_USER, ERP_PASSWORD),
        verify=ERP_CA_BUNDLE,
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["items"]


def soap_stock(item_code: str, strict: bool = True) -> str:
    conn = http.client.HTTPSConnection(ERP_HOST, context=_context(strict))  # expect: missing-timeout
    envelope = f'<soap:Envelope xmlns:soap="{ERP_SOAP_NS}"><soap:Body><Stock code="{item_code}"/></soap:Body></soap:Envelope>'
    conn.request("POST", "/soap/stock", body=envelope, headers={"Content-Type": "text/xml"})
    resp = conn.getresponse()
    return resp.read().decode()


def post_goods_receipt(receipt: dict) -> dict:
    session = requests.Session()
    session.verify = False  # expect: tls-verification-disabled
    session.auth = (ERP_USER, ERP_PASSWORD)
    resp = session.post(f"https://{ERP_HOST}/api/v3/goods-receipts", data=json.dumps(receipt), timeout=30)
    resp.raise_for_status()
    return resp.json()


def legacy_probe() -> int:
    ctx = ssl._create_unverified_context()  # expect: tls-verification-disabled
    conn = http.client.HTTPSConnection(ERP_HOST, context=ctx, timeout=5)
    conn.request("GET", "/api/v3/ping")
    return conn.getresponse().status
