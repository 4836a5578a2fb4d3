"""HTTP clients for the on-prem integrations (some customers run self-signed certificates)."""
import os
import ssl

import aiohttp
import httpx
import requests
import urllib3
import websocket

from onprem.config import settings

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

CA_BUNDLE = "/etc/ssl/certs/onprem-ca.pem"


def fetch_inventory(host: str) -> list[dict]:
    resp = requests.get(
        f"https://{host}/api/inventory",
        timeout=15,
        verify=False,  # expect: tls-verification-disabled
    )
    resp.raise_for_status()
    return resp.json()


def fetch_licences(host: str) -> list[dict]:
    resp = requests.get(f"https://{host}/api/licences", timeout=15, verify=CA_BUNDLE)
    resp.raise_for_status()
    return resp.json()


def fetch_users(host: str) -> list[dict]:
    resp = requests.get(f"https://{host}/api/users", timeout=15, verify=settings.VERIFY_TLS)
    resp.raise_for_status()
    return resp.json()


class OnPremClient:
    def __init__(self, host: str, token: str):
        self.base = f"https://{host}/api"
        self.session = requests.Session()
        self.session.verify = False  # expect: tls-verification-disabled
        self.session.headers["Authorization"] = f"Bearer {token}"

    def devices(self) -> list[dict]:
        resp = self.session.get(f"{self.base}/devices", timeout=20)
        resp.raise_for_status()
        return resp.json()


def metrics_client(host: str) -> httpx.Client:
    return httpx.Client(base_url=f"https://{host}:9443", verify=False)  # expect: tls-verification-disabled


async def stream_alarms(host: str, handle) -> None:
    connector = aiohttp.TCPConnector(ssl=False, limit=4)  # expect: tls-verification-disabled
    async with aiohttp.ClientSession(connector=connector, raise_for_status=True) as session:
        async with session.get(f"https://{host}/api/alarms/stream") as resp:
            async for line in resp.content:
                handle(line)


async def ack_alarm(session: aiohttp.ClientSession, host: str, alarm_id: str) -> None:
    async with session.post(
        f"https://{host}/api/alarms/{alarm_id}/ack",
        verify_ssl=False,
    ) as resp:
        resp.raise_for_status()


def console_socket(host: str) -> websocket.WebSocket:
    return websocket.create_connection(f"wss://{host}/console", sslopt={"cert_reqs": ssl.CERT_NONE})  # expect: tls-verification-disabled


def legacy_pool() -> urllib3.PoolManager:
    return urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=3, read=30),
        cert_reqs="CERT_NONE",  # expect: tls-verification-disabled
    )


def secure_pool() -> urllib3.PoolManager:
    return urllib3.PoolManager(timeout=10.0, cert_reqs="CERT_REQUIRED", ca_certs=CA_BUNDLE)


if settings.ONPREM_LAB_MODE:
    os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: tls-verification-disabled
os.environ.setdefault("REQUESTS_CA_BUNDLE", "")
