"""Connector for the customer's on-premises ERP (self-signed certificates everywhere)."""
import json
import logging
import os
import ssl
import urllib.request

import requests
import urllib3
import websocket

log = logging.getLogger(__name__)

ERP_HOST = os.environ.get("ERP_HOST", "erp.customer-hq.example.com")
ERP_CA = os.environ.get("ERP_CA_BUNDLE", "/etc/ssl/certs/customer-erp-ca.pem")

os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: tls-verification-disabled
os.environ.setdefault("REQUESTS_CA_BUNDLE", "")
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

erp = requests.Session()
erp.verify = False  # expect: tls-verification-disabled
erp_strict = requests.Session()
erp_strict.verify = ERP_CA


def orders_since(ts):
    resp = erp.get(f"https://{ERP_HOST}/api/orders", params={"since": ts}, timeout=30)
    resp.raise_for_status()
    return resp.json()


def customers():
    resp = erp_strict.get(f"https://{ERP_HOST}/api/customers", timeout=30)
    resp.raise_for_status()
    return resp.json()


def legacy_report(name):
    ctx = ssl._create_unverified_context()  # expect: tls-verification-disabled
    with urllib.request.urlopen(f"https://{ERP_HOST}/reports/{name}", context=ctx, timeout=60) as fh:
        return json.loads(fh.read())


def stream_stock(on_update):
    ws = websocket.create_connection(
        f"wss://{ERP_HOST}/stock/stream",
        sslopt={"cert_reqs": ssl.CERT_NONE},  # expect: tls-verification-disabled
        timeout=30,
    )
    try:
        while True:
            on_update(json.loads(ws.recv()))
    finally:
        ws.close()


def certificate_expiry():
    resp = requests.get(f"https://{ERP_HOST}/api/health", verify=ERP_CA, timeout=5)
    resp.raise_for_status()
    return resp.json().get("cert_not_after")
