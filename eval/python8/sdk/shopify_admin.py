"""Shopify Admin API client for the fulfilment service (REST + GraphQL)."""
import logging
import re

import requests

logger = logging.getLogger(__name__)

API_VERSION = "2024-07"
SHOP_DOMAIN = "acme-outdoor.myshopify.com"
SHOPIFY_ACCESS_TOKEN = "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"  # expect: hardcoded-credential
NEXT_LINK = re.compile(r'<([^>]+)>; rel="next"')


class ShopifyAdmin:
    def __init__(self, shop: str = SHOP_DOMAIN, access_token: str = SHOPIFY_ACCESS_TOKEN):
        self.base = f"https://{shop}/admin/api/{API_VERSION}"
        self.session = requests.Session()
        self.session.headers.update({"X-Shopify-Access-Token": access_token, "Accept": "application/json"})

    def orders_since(self, since_id: int) -> list[dict]:
        url = f"{self.base}/orders.json?since_id={since_id}&limit=250&status=any"
        orders: list[dict] = []
        while url:
            resp = self.session.get(url, timeout=30)
            resp.raise_for_status()
            orders.extend(resp.json()["orders"])
            match = NEXT_LINK.search(resp.headers.get("Link", ""))
            url = match.group(1) if match else None
        return orders

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        resp = self.session.post(f"{self.base}/graphql.json", json={"query": query, "variables": variables or {}}, timeout=30)
        data = resp.json()  # expect: unchecked-response-status
        if data.get("errors"):
            raise RuntimeError(data["errors"])
        return data["data"]

    def fulfil(self, fulfillment_order_id: int, tracking_number: str, company: str) -> dict:
        resp = self.session.post(  # expect: missing-timeout
            f"{self.base}/fulfillments.json",
            json={
                "fulfillment": {
                    "line_items_by_fulfillment_order": [{"fulfillment_order_id": fulfillment_order_id}],
                    "tracking_info": {"number": tracking_number, "company": company},
                }
            },
        )
        if resp.status_code == 422:
            logger.warning("shopify refused fulfilment %s: %s", fulfillment_order_id, resp.text)
            return {}
        resp.raise_for_status()
        return resp.json()["fulfillment"]

    def debug_dump(self) -> None:
        logger.debug("shopify session headers: %s", self.session.headers)  # expect: secret-in-log
