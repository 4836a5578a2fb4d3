"""`shopctl`: operator CLI (Typer) for support staff — look up orders, replay webhooks, rotate keys."""
import json
import os
import ssl
import urllib.request

import httpx
import requests
import typer

app = typer.Typer(help="Shop support tools")
API = os.environ.get("SHOP_API", "https://admin-api.shop.example.com")


def _token() -> str:
    token = os.environ.get("SHOP_ADMIN_TOKEN")
    if not token:
        typer.echo("SHOP_ADMIN_TOKEN is not set", err=True)
        raise typer.Exit(2)
    return token


@app.command()
def order(number: str):
    resp = httpx.get(f"{API}/orders/{number}", headers={"Authorization": f"Bearer {_token()}"}, timeout=None)  # expect: missing-timeout
    resp.raise_for_status()
    typer.echo(json.dumps(resp.json(), indent=2))


@app.command()
def replay(event_id: str, staging: bool = False):
    base = "https://staging-admin.shop.example.com" if staging else API
    resp = requests.post(
        f"{base}/webhooks/replay/{event_id}",
        headers={"Authorization": f"Bearer {_token()}"},
        verify=not staging,
        timeout=30,
    )
    typer.echo(f"replay answered {resp.status_code}")


@app.command()
def rotate_key(partner: str, show: bool = False):
    resp = requests.post(f"{API}/partners/{partner}/rotate", headers={"Authorization": f"Bearer {_token()}"}, timeout=30)
    resp.raise_for_status()
    new_api_key = resp.json()["api_key"]
    if show:
        print(f"new key for {partner}: {new_api_key}")  # expect: secret-in-log
    else:
        print(f"rotated key for {partner}; run again with --show to print it")


@app.command()
def legacy_export(day: str):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    req = urllib.request.Request(f"https://legacy-reports.shop.example.com/export?day={day}")
    with urllib.request.urlopen(req, context=ctx, timeout=60) as fh:
        typer.echo(fh.read().decode())


@app.command()
def whoami():
    with urllib.request.urlopen(f"{API}/me") as fh:  # expect: missing-timeout
        typer.echo(fh.read().decode())


if __name__ == "__main__":
    app()
