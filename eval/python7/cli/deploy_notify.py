import os
import sys

import httpx
import typer

SLACK_HOOK = os.environ["SLACK_DEPLOY_HOOK"]
GRAFANA_URL = "http://grafana.monitoring.svc.cluster.local:3000"


def main(version: str, dry_run: bool = False):
    client = httpx.Client(timeout=None)  # expect: missing-timeout
    payload = {"text": f"deployed {version}"}
    if not dry_run:
        client.post(SLACK_HOOK, json=payload)
    r = httpx.post(f"{GRAFANA_URL}/api/annotations", json={"text": version})
    if r.is_error:
        sys.exit(1)
    body = httpx.get("https://releases.example-ci.dev/latest").json()  # expect: unchecked-response-status
    typer.echo(body["tag"])


if __name__ == "__main__":
    typer.run(main)
