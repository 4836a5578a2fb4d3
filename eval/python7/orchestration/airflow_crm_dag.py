from datetime import datetime, timedelta

import requests
from airflow.decorators import dag, task
from airflow.models import Variable

CRM_URL = "https://api.example-crm.com/v2"


@dag(schedule="@hourly", start_date=datetime(2024, 1, 1), catchup=False,
     default_args={"retries": 3, "retry_delay": timedelta(minutes=5)})
def crm_sync():
    @task
    def fetch_contacts():
        token = Variable.get("crm_token")
        r = requests.get(f"{CRM_URL}/contacts", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        return r.json()  # expect: unchecked-response-status

    @task
    def push_deals(contacts):
        headers = {"Authorization": "Bearer 7c1d9e2f4a6b8c0d1e3f5a7b9c"}  # expect: hardcoded-credential
        for c in contacts:
            r = requests.post(f"{CRM_URL}/deals", json=c, headers=headers, timeout=30)
            if not r.ok:
                raise RuntimeError(r.text)

    push_deals(fetch_contacts())


crm_sync()
