import click
import requests

API_BASE = "http://reports.acme-partner.com/api"  # expect: insecure-transport
STATUS_URL = "https://status.acme-partner.com/v1/health"


@click.group()
def cli():
    pass


@cli.command()
@click.option("--token", envvar="REPORTS_TOKEN", required=True)
def export(token):
    resp = requests.get(f"{API_BASE}/export", headers={"Authorization": f"Bearer {token}"})  # expect: missing-timeout
    click.echo(resp.text)  # expect: unchecked-response-status


@cli.command()
def health():
    resp = requests.get(STATUS_URL, timeout=5)
    resp.raise_for_status()
    click.echo(resp.json()["status"])


@cli.command()
@click.option("--api-key", envvar="REPORTS_API_KEY")
def whoami(api_key):
    print(f"using key {api_key}")  # expect: secret-in-log
    print("key is", "set" if api_key else "missing")
