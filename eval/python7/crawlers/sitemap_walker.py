import ssl
import xml.etree.ElementTree as ET

import urllib3

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

http = urllib3.PoolManager(retries=urllib3.Retry(3, backoff_factor=0.3))  # expect: missing-timeout
legacy = urllib3.PoolManager(cert_reqs=ssl.CERT_NONE, timeout=urllib3.Timeout(connect=2.0, read=10.0))  # expect: tls-verification-disabled
strict = urllib3.PoolManager(timeout=5.0, cert_reqs="CERT_REQUIRED")


def walk(sitemap_url):
    resp = http.request("GET", sitemap_url)
    root = ET.fromstring(resp.data)  # expect: unchecked-response-status
    return [loc.text for loc in root.iter(f"{{{NS}}}loc")]


def walk_legacy(sitemap_url):
    resp = legacy.request("GET", sitemap_url)
    if resp.status != 200:
        return []
    return ET.fromstring(resp.data)


def ping_search_engine(url):
    resp = urllib3.request("GET", "https://search.example-engine.com/ping", fields={"sitemap": url})  # expect: missing-timeout
    return resp.status
