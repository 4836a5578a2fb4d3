"""Small helpers for hosts where only the standard library is installed."""
import http.client
import json
import ssl
import urllib.request
from urllib.parse import urlencode

AGENT_URL = "http://127.0.0.1:8500/v1/agent/self"
STATUS_URL = "https://status.upstream-cdn.com/api/v2/status.json"


def agent_info() -> str:
    with urllib.request.urlopen(AGENT_URL, timeout=1) as resp:
        return resp.read().decode()


def upstream_status() -> dict:
    with urllib.request.urlopen(STATUS_URL) as resp:  # expect: missing-timeout
        return json.load(resp)


def post_form(url: str, fields: dict) -> bytes:
    req = urllib.request.Request(url, data=urlencode(fields).encode(), method="POST")
    opener = urllib.request.build_opener()
    return opener.open(req).read()  # expect: missing-timeout


def soap_call(envelope: str) -> str:
    conn = http.client.HTTPSConnection("soap.carrier-services.net")  # expect: missing-timeout
    conn.request("POST", "/ws/rates", body=envelope, headers={"Content-Type": "text/xml"})
    return conn.getresponse().read().decode()


def soap_call_bounded(envelope: str) -> str:
    conn = http.client.HTTPSConnection("soap.carrier-services.net", timeout=15)
    conn.request("POST", "/ws/rates", body=envelope, headers={"Content-Type": "text/xml"})
    return conn.getresponse().read().decode()


def internal_health(host: str) -> str:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    conn = http.client.HTTPSConnection(host, context=ctx, timeout=5)
    conn.request("GET", "/health")
    return conn.getresponse().read().decode()


def legacy_feed() -> bytes:
    ctx = ssl._create_unverified_context()  # expect: tls-verification-disabled
    with urllib.request.urlopen("https://feeds.old-partner.net/export.csv", context=ctx, timeout=30) as resp:
        return resp.read()
