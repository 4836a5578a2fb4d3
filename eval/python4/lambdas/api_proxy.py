"""API Gateway proxy Lambda: forwards partner lookups to the legacy pricing host."""
import json
import logging
import os

import requests
import urllib3

logger = logging.getLogger()
http = urllib3.PoolManager(retries=urllib3.Retry(total=2, backoff_factor=0.3))  # expect: missing-timeout
bounded = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2.0, read=6.0))
PRICING_HOST = os.environ["PRICING_HOST"]


def handler(event, context):
    token = event["headers"].get("x-partner-token")
    print(f"partner call with token={token}")  # expect: secret-in-log
    print(f"partner call, token present: {bool(token)}")
    sku = event["pathParameters"]["sku"]
    resp = http.request("GET", f"https://{PRICING_HOST}/prices/{sku}")
    if resp.status != 200:
        return {"statusCode": 502, "body": json.dumps({"error": "pricing unavailable"})}
    price = json.loads(resp.data)
    stock = bounded.request("GET", f"https://{PRICING_HOST}/stock/{sku}")
    level = json.loads(stock.data)  # expect: unchecked-response-status
    legacy = requests.get(f"https://{PRICING_HOST}/legacy/{sku}", verify=False, timeout=5)  # expect: tls-verification-disabled
    legacy.raise_for_status()
    return {"statusCode": 200, "body": json.dumps({"price": price, "stock": level, "legacy": legacy.json()})}
