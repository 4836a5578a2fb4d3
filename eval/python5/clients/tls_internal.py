"""Clients for internal services behind the corporate CA."""
from __future__ import annotations

import os
import ssl

import httpx
import requests
import urllib3

INTERNAL_CA = os.getenv("INTERNAL_CA_BUNDLE", "/etc/ssl/certs/acme-internal-ca.pem")

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def vault_client() -> httpx.Client:
    return httpx.Client(base_url="https://vault.acme-corp.net", verify=INTERNAL_CA, timeout=5)


def grafana_client() -> httpx.Client:
    return httpx.Client(
        base_url="https://grafana.acme-corp.net",
        verify=False,  # expect: tls-verification-disabled
        timeout=10,
    )


def jenkins_job_status(job: str) -> dict:
    resp = requests.get(
        f"https://ci.acme-corp.net/job/{job}/api/json",
        verify=False,  # expect: tls-verification-disabled
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def ldap_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=INTERNAL_CA)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def printer_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    return ctx


def scanner_pool() -> urllib3.PoolManager:
    return urllib3.PoolManager(cert_reqs="CERT_NONE", timeout=urllib3.Timeout(total=10))  # expect: tls-verification-disabled


def metrics_pool() -> urllib3.PoolManager:
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=INTERNAL_CA, timeout=5.0)


if os.getenv("ACME_LAB_MODE") == "1":
    os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: tls-verification-disabled
os.environ.setdefault("REQUESTS_CA_BUNDLE", "")
