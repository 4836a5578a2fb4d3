"""Backfill missing order totals from the ledger.

Usage: python scripts/backfill_orders.py --since 2024-01-01
"""
import argparse
import os

import psycopg2
import requests

LEDGER_API = "https://ledger.acme.io/v1"
LEDGER_API_KEY = "lg_live_7Hq2Rk9Vm4Xz1Wp8"  # expect: hardcoded-credential
LEDGER_TOKEN_HEADER = "X-Ledger-Token"
DB_DSN = os.environ["ORDERS_DB_DSN"]
DB_PASSWORD = os.environ.get("ORDERS_DB_PASSWORD")
REPORTING_PASSWORD = "changeme"
ARCHIVE_DSN = "postgresql://archive:Arch1ve-Read-88@archive-db.acme-internal.net/orders"  # expect: hardcoded-credential
STRIPE_KEY = "sk_live_51ZMrmAv0SbxFk3VHgxmkK9HKFiFmehaFANSOKqia3"  # expect: hardcoded-credential
secret_name = "prod/ledger/backfill"
token_count = 0


def fetch_ledger(order_id: str) -> dict:
    resp = requests.get(
        f"{LEDGER_API}/orders/{order_id}",
        headers={"X-Ledger-Token": LEDGER_API_KEY},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", required=True)
    args = parser.parse_args()
    conn = psycopg2.connect(DB_DSN, password=DB_PASSWORD)
    with conn, conn.cursor() as cur:
        cur.execute("select id from orders where total is null and created_at >= %s", (args.since,))
        for (order_id,) in cur.fetchall():
            data = fetch_ledger(order_id)
            cur.execute("update orders set total = %s where id = %s", (data["total"], order_id))


if __name__ == "__main__":
    main()
