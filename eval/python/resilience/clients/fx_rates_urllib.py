"""Exchange rates, fetched with the standard library only (runs in the slim cron image)."""
import json
import urllib.parse
import urllib.request
from urllib.request import Request, build_opener, urlopen

ECB_URL = "https://data.ecb-mirror.eu/api/daily.json"
FALLBACK_URL = "https://fx.openrates.org/latest"


def daily_rates() -> dict:
    with urllib.request.urlopen(ECB_URL) as resp:  # expect: missing-timeout
        return json.load(resp)


def fallback_rates(base: str) -> dict:
    query = urllib.parse.urlencode({"base": base})
    with urlopen(f"{FALLBACK_URL}?{query}", timeout=12) as resp:
        return json.loads(resp.read())


def historical(day: str) -> dict:
    req = Request(f"{FALLBACK_URL}/{day}", headers={"Accept": "application/json"})
    opener = build_opener()
    with opener.open(req) as resp:  # expect: missing-timeout
        return json.loads(resp.read().decode("utf-8"))


def symbols() -> list[str]:
    opener = build_opener()
    opener.addheaders = [("Accept", "application/json")]
    with opener.open(f"{FALLBACK_URL}/symbols", timeout=10) as resp:
        return sorted(json.loads(resp.read()))


def publish_snapshot(rates: dict) -> int:
    body = json.dumps(rates).encode()
    req = Request("https://fx-cache.acme.io/snapshots", data=body, method="PUT")
    req.add_header("Content-Type", "application/json")
    with urlopen(req) as resp:  # expect: missing-timeout
        return resp.status
