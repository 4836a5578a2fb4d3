"""`tenantctl`: Click CLI for the platform team to provision tenants and their webhook endpoints."""
import logging
import os
import time

import click
import requests

log = logging.getLogger("tenantctl")

PLATFORM_API = os.environ.get("PLATFORM_API", "https://platform.example-saas.com/api")
platform = requests.Session()
platform.headers["Authorization"] = f"Bearer {os.environ.get('PLATFORM_TOKEN', '')}"


@click.group()
@click.option("--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("slug")
@click.option("--plan", default="starter")
def create(slug, plan):
    resp = platform.post(f"{PLATFORM_API}/tenants", json={"slug": slug, "plan": plan}, timeout=20)
    resp.raise_for_status()
    tenant = resp.json()
    click.echo(f"created {tenant['slug']} ({tenant['id']})")


@cli.command()
@click.argument("slug")
@click.argument("url")
def add_endpoint(slug, url):
    resp = platform.post(f"{PLATFORM_API}/tenants/{slug}/endpoints", json={"url": url}, timeout=20)
    resp.raise_for_status()
    body = resp.json()
    signing_secret = body["signing_secret"]
    log.debug("endpoint %s created with secret %s", body["id"], signing_secret)  # expect: secret-in-log
    click.echo(f"endpoint {body['id']} created; fetch the secret from the dashboard")


@cli.command()
@click.argument("slug")
def wait_ready(slug):
    for _ in range(60):
        resp = platform.get(f"{PLATFORM_API}/tenants/{slug}", timeout=10)
        resp.raise_for_status()
        if resp.json()["state"] == "ready":
            click.echo("ready")
            return
        time.sleep(5)
    raise click.ClickException("tenant not ready after 5 minutes")


@cli.command()
@click.argument("slug")
def usage(slug):
    resp = platform.get(f"{PLATFORM_API}/tenants/{slug}/usage")  # expect: missing-timeout
    data = resp.json()  # expect: unchecked-response-status
    click.echo(f"{slug}: {data['requests']} requests, {data['tokens_used']} tokens used")


@cli.command()
@click.argument("slug")
def purge(slug):
    while True:  # expect: unbounded-retry, retry-without-backoff
        try:
            resp = platform.delete(f"{PLATFORM_API}/tenants/{slug}/cache", timeout=10)
            resp.raise_for_status()
            break
        except requests.RequestException as exc:
            log.warning("purge failed (%s), trying again", exc)
            time.sleep(2)
    click.echo("purged")
