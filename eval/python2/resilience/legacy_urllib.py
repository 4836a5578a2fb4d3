"""Stdlib-only helpers for the on-prem agent (no third-party HTTP libraries allowed there)."""
import http.client
import json
import urllib.parse
import urllib.request
from http.client import HTTPSConnection
from urllib.request import Request, urlopen

AGENT_API = "https://agent-api.fleetwise.io"


def fetch_config(agent_id: str) -> dict:
    with urlopen(f"{AGENT_API}/agents/{agent_id}/config") as resp:  # expect: missing-timeout
        return json.load(resp)


def post_heartbeat(agent_id: str, payload: dict) -> None:
    req = Request(
        f"{AGENT_API}/agents/{agent_id}/heartbeat",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        resp.read()


def download_update(url: str, dest: str) -> None:
    opener = urllib.request.build_opener(urllib.request.HTTPRedirectHandler())
    with opener.open(url) as resp, open(dest, "wb") as fh:  # expect: missing-timeout
        fh.write(resp.read())


def resolve_region(ip: str) -> str:
    query = urllib.parse.urlencode({"ip": ip})
    with urllib.request.urlopen(f"{AGENT_API}/geo?{query}", None, 5) as resp:
        return json.load(resp)["region"]


def upload_logs(path: str, body: bytes) -> int:
    conn = HTTPSConnection("logs.fleetwise.io")  # expect: missing-timeout
    try:
        conn.request("PUT", path, body=body, headers={"Content-Type": "text/plain"})
        return conn.getresponse().status
    finally:
        conn.close()


def check_status() -> int:
    conn = http.client.HTTPSConnection("status.fleetwise.io", timeout=4)
    try:
        conn.request("GET", "/api/v2/status.json")
        return conn.getresponse().status
    finally:
        conn.close()
