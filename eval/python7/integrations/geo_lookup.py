import requests

GEO_BASE = "http://10.20.0.15:8080/geo"  # expect: insecure-transport
METADATA = "http://169.254.169.254/latest/meta-data/"
DOCS = "http://www.example-geo.com/docs/api.html"


def lookup(ip):
    r = requests.get(f"{GEO_BASE}/{ip}", timeout=2)
    r.raise_for_status()
    return r.json()


def fallback(ip):
    r = requests.get("https://geo.example-geo.com/v2/" + ip, timeout=2)
    if r.status_code == 404:
        return None
    return r.json()
