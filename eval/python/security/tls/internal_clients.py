"""HTTP clients for the on-prem systems behind the corporate proxy."""
import os
import ssl

import aiohttp
import httpx
import requests
import urllib3

# The self-signed appliances spam warnings; disabling them alone changes nothing.
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

CORP_CA = "/etc/ssl/certs/acme-corp-root.pem"
HR_API = "https://hr.acme-corp.com/api"
BADGE_API = "https://badges.acme-corp.com/v1"


def employees() -> list[dict]:
    resp = requests.get(f"{HR_API}/employees", verify=False, timeout=10)  # expect: tls-verification-disabled
    resp.raise_for_status()
    return resp.json()


def departments() -> list[dict]:
    resp = requests.get(f"{HR_API}/departments", verify=CORP_CA, timeout=10)
    resp.raise_for_status()
    return resp.json()


def hr_session() -> requests.Session:
    s = requests.Session()
    s.verify = False  # expect: tls-verification-disabled
    return s


def corp_session() -> requests.Session:
    s = requests.Session()
    s.verify = os.environ.get("CORP_CA_BUNDLE", CORP_CA)
    return s


def badge_client() -> httpx.Client:
    return httpx.Client(
        base_url=BADGE_API,
        verify=False,  # expect: tls-verification-disabled
        timeout=5,
    )


def badge_client_pinned() -> httpx.Client:
    ctx = ssl.create_default_context(cafile=CORP_CA)
    return httpx.Client(base_url=BADGE_API, verify=ctx, timeout=5)


def badge_lookup(badge_id: str) -> dict:
    resp = httpx.get(f"{BADGE_API}/badges/{badge_id}", verify=False)  # expect: tls-verification-disabled
    resp.raise_for_status()
    return resp.json()


async def door_events() -> list[dict]:
    connector = aiohttp.TCPConnector(ssl=False, limit=10)  # expect: tls-verification-disabled
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.get("https://doors.acme-corp.com/events") as resp:
            resp.raise_for_status()
            return await resp.json()


async def door_status(door_id: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"https://doors.acme-corp.com/doors/{door_id}", ssl=False) as resp:  # expect: tls-verification-disabled
            resp.raise_for_status()
            return await resp.json()


async def door_schedule(door_id: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"https://doors.acme-corp.com/doors/{door_id}/schedule", verify_ssl=False) as resp:  # expect: tls-verification-disabled
            resp.raise_for_status()
            return await resp.json()


async def door_owner(door_id: str) -> dict:
    ctx = ssl.create_default_context(cafile=CORP_CA)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=ctx)) as session:
        async with session.get(f"https://doors.acme-corp.com/doors/{door_id}/owner") as resp:
            resp.raise_for_status()
            return await resp.json()


legacy_pool = urllib3.PoolManager(cert_reqs="CERT_NONE", timeout=urllib3.Timeout(total=10))  # expect: tls-verification-disabled
verified_pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=CORP_CA, timeout=urllib3.Timeout(total=10))
printer_pool = urllib3.PoolManager(
    cert_reqs=ssl.CERT_NONE,  # expect: tls-verification-disabled
    timeout=5.0,
)

# An empty bundle path falls back to verify=True in current requests.
os.environ["REQUESTS_CA_BUNDLE"] = ""
os.environ.setdefault("CURL_CA_BUNDLE", "")
