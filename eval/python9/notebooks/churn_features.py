#!/usr/bin/env python
# coding: utf-8

# # Churn features from the billing and support APIs
# Exported from `notebooks/churn_features.ipynb` (jupyter nbconvert --to script).

# In[1]:


import os
import time

import pandas as pd
import requests


# In[2]:


BILLING_API = "https://billing.example-saas.com/api/v1"
SUPPORT_API = "http://support-desk.example-saas.com/api/v2"  # expect: insecure-transport
billing_api_key = "bk_5f8a2c9e1d7b4036a9e2"  # expect: hardcoded-credential
support_token = os.environ.get("SUPPORT_TOKEN")


# In[3]:


def fetch_invoices(page):
    r = requests.get(f"{BILLING_API}/invoices", params={"page": page}, headers={"X-Api-Key": billing_api_key})  # expect: missing-timeout
    r.raise_for_status()
    return r.json()


rows = []
page = 1
while True:
    body = fetch_invoices(page)
    rows.extend(body["data"])
    if not body.get("next_page"):
        break
    page += 1
invoices = pd.DataFrame(rows)
invoices.head()


# In[4]:


tickets = []
for attempt in range(5):  # expect: retry-without-backoff
    try:
        r = requests.get(f"{SUPPORT_API}/tickets", headers={"Authorization": f"Bearer {support_token}"}, timeout=30)
        tickets = r.json()["tickets"]  # expect: unchecked-response-status
        break
    except (requests.RequestException, KeyError):
        print("support api failed, retrying")
        time.sleep(3)
len(tickets)


# In[5]:


print("using support token", support_token)  # expect: secret-in-log
print("support token set:", bool(support_token))


# In[6]:


features = invoices.groupby("customer_id").agg(total=("amount", "sum"), n=("id", "count"))
features["tickets"] = features.index.map(pd.Series([t["customer_id"] for t in tickets]).value_counts()).fillna(0)
features.to_parquet("churn_features.parquet")
features.describe()
