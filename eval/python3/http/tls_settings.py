import os
import ssl

import httpx
import requests
import urllib3

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

INTERNAL_CA = "/etc/ssl/certs/corp-root.pem"


def vault_session() -> requests.Session:
    session = requests.Session()
    session.verify = False  # expect: tls-verification-disabled
    return session


def metrics_client() -> httpx.Client:
    return httpx.Client(base_url="https://metrics.corp.example.com", verify=INTERNAL_CA, timeout=5)


def legacy_client() -> httpx.Client:
    return httpx.Client(
        base_url="https://legacy-erp.corp.example.com",
        verify=False,  # expect: tls-verification-disabled
        timeout=30,
    )


def configure_process() -> None:
    os.environ["REQUESTS_CA_BUNDLE"] = ""
    os.environ.setdefault("PYTHONHTTPSVERIFY", "0")  # expect: tls-verification-disabled


def fetch_status(url: str) -> int:
    return requests.head(url, timeout=5, verify=os.environ.get("CA_BUNDLE", True)).status_code


def scrape_intranet(url: str) -> str:
    resp = requests.get(url, timeout=10, verify=False)  # expect: tls-verification-disabled
    resp.raise_for_status()
    return resp.text


def patch_ssl() -> None:
    ssl._create_default_https_context = ssl._create_unverified_context  # expect: tls-verification-disabled
