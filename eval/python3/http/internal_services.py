import httpx
import requests

INVENTORY_URL = "http://inventory.svc.cluster.local:8080"
PRICING_URL = "http://10.20.4.17:9000"  # expect: insecure-transport
LEGACY_PARTNER = "http://partner-api.acme-logistics.com/v1"  # expect: insecure-transport
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
HEALTH_URL = "http://localhost:8081/health"
UNUSED_MIRROR = "http://mirror.example.org/pypi"


def inventory(sku: str) -> dict:
    resp = requests.get(f"{INVENTORY_URL}/sku/{sku}", timeout=3)
    resp.raise_for_status()
    return resp.json()


def price(sku: str) -> dict:
    resp = requests.get(PRICING_URL + "/price/" + sku, timeout=3)
    resp.raise_for_status()
    return resp.json()


partner = httpx.Client(base_url=LEGACY_PARTNER, timeout=10)


def shipments() -> list:
    resp = partner.get("/shipments")
    resp.raise_for_status()
    return resp.json()


def healthy() -> bool:
    return requests.get(HEALTH_URL, timeout=1).status_code == 200


def docker_host_ping() -> bool:
    return requests.get("http://host.docker.internal:9000/ping", timeout=1).ok
