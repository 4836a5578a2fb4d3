import time

import requests
import typer

app = typer.Typer()
session = requests.Session()
session.headers["Accept"] = "application/json"

ADMIN_TOKEN = "a8f2c91be04d7e35f61c0a9b"  # expect: hardcoded-credential


@app.command()
def pull(page_size: int = 100):
    page = 1
    while True:
        resp = session.get("https://directory.example-hr.io/users", params={"page": page, "size": page_size})  # expect: missing-timeout
        resp.raise_for_status()
        batch = resp.json()
        if not batch:
            break
        page += 1


@app.command()
def push(user_id: str):
    for attempt in range(5):  # expect: retry-without-backoff
        try:
            r = session.put(f"https://directory.example-hr.io/users/{user_id}", json={"active": True}, timeout=10)
            r.raise_for_status()
            return
        except requests.RequestException:
            time.sleep(2)


@app.command()
def verify(token: str):
    if token == ADMIN_TOKEN:  # expect: timing-unsafe-comparison
        typer.echo("ok")
