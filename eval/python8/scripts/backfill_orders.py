# %% [markdown]
# Backfill of historical orders from the old storefront API into the warehouse.
# Run cell by cell in VS Code / Jupyter; not part of the deployed app.

# %%
import json
import os
import time

import pandas as pd
import requests

OLD_API = "https://legacy-store.example.com/api/v1"
API_TOKEN = os.environ.get("LEGACY_STORE_TOKEN", "ls_4f8b2c9e7a1d3f6b0c5e8a2d")  # expect: hardcoded-credential
print(f"using token {API_TOKEN}")  # expect: secret-in-log

# %%
resp = requests.get(  # expect: missing-timeout
    f"{OLD_API}/orders",
    params={"from": "2021-01-01", "limit": 500},
    headers={"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiYWNrZmlsbCJ9.kT9vQ2mX7pL4wZ8rN1sY6uB3cD5fG0hJ"},  # expect: hardcoded-credential
)
orders = pd.DataFrame(resp.json()["orders"])  # expect: unchecked-response-status
orders.head()

# %%
pages = []
page = 1
while True:
    r = requests.get(f"{OLD_API}/orders", params={"page": page}, headers={"Authorization": f"Bearer {API_TOKEN}"}, timeout=30)
    r.raise_for_status()
    batch = r.json()["orders"]
    if not batch:
        break
    pages.extend(batch)
    page += 1
print(len(pages), "orders fetched")

# %%
failed = []
for order in pages:
    for attempt in range(3):
        try:
            w = requests.put(f"https://warehouse.example.com/orders/{order['id']}", json=order, timeout=10)
            w.raise_for_status()
            break
        except requests.RequestException:
            time.sleep(2 * (attempt + 1))
    else:
        failed.append(order["id"])

# %%
with open("failed_orders.json", "w") as fh:
    json.dump(failed, fh)
print("failed:", len(failed), "token set:", bool(API_TOKEN))
