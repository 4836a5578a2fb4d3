"""urllib3 pools for the tax-calculation partner (certificate pinned in staging)."""
import json
import os
import ssl

import urllib3

TAX_HOST = "tax.partner-api.com"

if os.environ.get("TAX_ENV") == "staging":
    pool = urllib3.PoolManager(cert_reqs="CERT_NONE", timeout=urllib3.Timeout(connect=2, read=10))  # expect: tls-verification-disabled
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
else:
    pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=os.environ["TAX_CA_BUNDLE"], timeout=urllib3.Timeout(connect=2, read=10))

legacy_pool = urllib3.HTTPSConnectionPool(TAX_HOST, port=443, maxsize=4, cert_reqs=ssl.CERT_NONE)  # expect: missing-timeout, tls-verification-disabled
unbounded_pool = urllib3.PoolManager(timeout=urllib3.Timeout(connect=None, read=None))  # expect: missing-timeout


def calculate(order: dict) -> dict:
    resp = pool.request("POST", f"https://{TAX_HOST}/v2/calculate", body=json.dumps(order), headers={"Content-Type": "application/json"})
    if resp.status != 200:
        raise RuntimeError(f"tax calculation failed: {resp.status}")
    return json.loads(resp.data)


def rates(country: str) -> dict:
    resp = legacy_pool.request("GET", f"/v1/rates/{country}")
    return resp.json()  # expect: unchecked-response-status


def exemptions(customer_id: str) -> dict:
    resp = urllib3.request("GET", f"https://{TAX_HOST}/v2/exemptions/{customer_id}")  # expect: missing-timeout
    if resp.status == 404:
        return {}
    return resp.json()


def jurisdictions() -> list:
    resp = urllib3.request("GET", f"https://{TAX_HOST}/v2/jurisdictions", timeout=5.0)
    return json.loads(resp.data)  # expect: unchecked-response-status


def health() -> bool:
    resp = unbounded_pool.request("GET", f"https://{TAX_HOST}/health")
    return resp.status == 200
