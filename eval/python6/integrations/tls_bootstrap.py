"""Client set-up for the on-premises installs, where customers bring their own CAs."""
import os
import ssl

import aiohttp
import httpx
import requests
import urllib3

CA_BUNDLE = os.environ.get("ONPREM_CA_BUNDLE", "/etc/onprem/ca.pem")

if os.environ.get("ONPREM_INSECURE") == "1":
    os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: tls-verification-disabled
    ssl._create_default_https_context = ssl._create_unverified_context  # expect: tls-verification-disabled

os.environ.setdefault("REQUESTS_CA_BUNDLE", "")
urllib3.disable_warnings()

licensing = httpx.Client(base_url="https://license.acme-onprem.com", verify=CA_BUNDLE, timeout=10)
telemetry = httpx.Client(base_url="https://telemetry.acme-onprem.com", verify=False, timeout=10)  # expect: tls-verification-disabled


def check_license(key_id: str) -> bool:
    resp = licensing.get(f"/keys/{key_id}")
    resp.raise_for_status()
    return resp.json()["valid"]


def upload_support_bundle(path: str) -> None:
    with open(path, "rb") as fh:
        resp = requests.post(
            "https://support.acme-onprem.com/bundles",
            files={"bundle": fh},
            verify=False,  # expect: tls-verification-disabled
            timeout=120,
        )
    resp.raise_for_status()


async def agent_session() -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(ssl=False, limit=20)  # expect: tls-verification-disabled
    return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30))


async def agent_ping(session: aiohttp.ClientSession) -> int:
    async with aiohttp.ClientSession() as own:
        async with own.get("https://agent.acme-onprem.com/ping", ssl=False) as resp:  # expect: tls-verification-disabled
            return resp.status
