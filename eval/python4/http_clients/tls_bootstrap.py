"""Process bootstrap for the on-prem connector (runs inside the customer's network)."""
import logging
import os
import ssl
import urllib.request

import httpx
import requests

logger = logging.getLogger(__name__)
ONPREM_CA = os.environ.get("ONPREM_CA_BUNDLE", "/etc/connector/ca.pem")

if os.environ.get("CONNECTOR_INSECURE") == "1":
    os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: tls-verification-disabled
    ssl._create_default_https_context = ssl._create_unverified_context  # expect: tls-verification-disabled

os.environ.setdefault("REQUESTS_CA_BUNDLE", "")
os.environ.setdefault("CURL_CA_BUNDLE", ONPREM_CA)

erp = httpx.Client(base_url=os.environ["ERP_URL"], verify=ONPREM_CA, timeout=30.0)
scanner = httpx.Client(base_url=os.environ["SCANNER_URL"], verify=False, timeout=30.0)  # expect: tls-verification-disabled


def legacy_session() -> requests.Session:
    session = requests.Session()
    session.verify = False  # expect: tls-verification-disabled
    return session


def remote_status(url: str) -> int:
    with urllib.request.urlopen(url, context=ssl._create_unverified_context(), timeout=5) as resp:  # expect: tls-verification-disabled
        return resp.status


def fetch_config(url: str) -> dict:
    resp = requests.get(url, verify=ONPREM_CA, timeout=10)
    resp.raise_for_status()
    return resp.json()
