"""Standard-library HTTP for the rates service (no third-party packages on this host)."""
import http.client
import json
import logging
import urllib.parse
import urllib.request

logger = logging.getLogger(__name__)

RATES_HOST = "rates.centralbank-feed.eu"
RATES_URL = f"https://{RATES_HOST}/v1/daily"

_opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
_opener.addheaders = [("User-Agent", "rates-sync/1.4")]


def daily_rates(base: str = "EUR") -> dict:
    query = urllib.parse.urlencode({"base": base})
    with urllib.request.urlopen(f"{RATES_URL}?{query}", timeout=20) as resp:
        return json.load(resp)


def historical(day: str) -> dict:
    req = urllib.request.Request(f"{RATES_URL}/{day}", headers={"Accept": "application/json"})
    with urllib.request.urlopen(req) as resp:  # expect: missing-timeout
        return json.loads(resp.read())


def with_session_cookie(path: str) -> bytes:
    req = urllib.request.Request(f"https://{RATES_HOST}{path}")
    return _opener.open(req).read()  # expect: missing-timeout


def login(user: str, secret: str) -> None:
    data = urllib.parse.urlencode({"user": user, "secret": secret}).encode()
    _opener.open(f"https://{RATES_HOST}/login", data=data, timeout=10).close()


def soap_quote(symbol: str) -> str:
    conn = http.client.HTTPSConnection(RATES_HOST, 443)  # expect: missing-timeout
    body = f"<Quote><Symbol>{symbol}</Symbol></Quote>"
    conn.request("POST", "/soap/quote", body=body, headers={"Content-Type": "text/xml"})
    resp = conn.getresponse()
    if resp.status != 200:
        raise RuntimeError(f"quote failed: {resp.status}")
    return resp.read().decode()


def ping() -> bool:
    conn = http.client.HTTPSConnection(RATES_HOST, timeout=5)
    try:
        conn.request("HEAD", "/health")
        return conn.getresponse().status == 200
    finally:
        conn.close()
