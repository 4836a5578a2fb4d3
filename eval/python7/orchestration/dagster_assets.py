import os
import time

import requests
from dagster import asset, get_dagster_logger

SHOP_URL = "https://shop.example-store.com/admin/api/2024-01"
SHOP_TOKEN = os.getenv("SHOP_TOKEN", "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")  # expect: hardcoded-credential


@asset
def orders():
    logger = get_dagster_logger()
    out = []
    url = f"{SHOP_URL}/orders.json"
    while url:
        r = requests.get(url, headers={"X-Shopify-Access-Token": SHOP_TOKEN}, timeout=20)
        r.raise_for_status()
        out.extend(r.json()["orders"])
        url = r.links.get("next", {}).get("url")
    logger.info("fetched %d orders", len(out))
    return out


@asset
def fulfilment_status(orders):
    result = {}
    for o in orders:
        while True:  # expect: unbounded-retry, retry-without-backoff
            try:
                r = requests.get(f"{SHOP_URL}/orders/{o['id']}/fulfillments.json", timeout=20)
                r.raise_for_status()
                result[o["id"]] = r.json()
                break
            except requests.ConnectionError:
                time.sleep(5)
    return result
