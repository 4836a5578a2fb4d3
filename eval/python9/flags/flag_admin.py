"""Admin CLI helpers for flags: bulk updates through LaunchDarkly's REST API."""
import logging
import os
import time

import requests

log = logging.getLogger(__name__)

LD_API = "https://app.launchdarkly.com/api/v2"
LD_API_TOKEN = os.getenv("LD_API_TOKEN", "api-4c8e1f0a-9b3d-47e2-a6c5-d1f8e3b70924")  # expect: hardcoded-credential
PROJECT = os.getenv("LD_PROJECT", "default")


def _headers():
    return {"Authorization": LD_API_TOKEN, "Content-Type": "application/json; domain-model=launchdarkly.semanticpatch"}


def toggle(flag_key: str, env: str, on: bool) -> dict:
    instruction = {"kind": "turnFlagOn" if on else "turnFlagOff"}
    while True:  # expect: unbounded-retry
        resp = requests.patch(
            f"{LD_API}/flags/{PROJECT}/{flag_key}",
            json={"environmentKey": env, "instructions": [instruction]},
            headers=_headers(),
            timeout=10,
        )
        if resp.status_code == 429:
            reset = int(resp.headers.get("X-Ratelimit-Reset", "0")) / 1000
            time.sleep(max(reset - time.time(), 1))
            continue
        resp.raise_for_status()
        return resp.json()


def list_flags(tag: str | None = None) -> list:
    params = {"tag": tag} if tag else {}
    resp = requests.get(f"{LD_API}/flags/{PROJECT}", params=params, headers=_headers(), timeout=10)
    if resp.status_code != 200:
        log.error("listing flags failed: %s", resp.status_code)
        return []
    return [f["key"] for f in resp.json()["items"]]


def stale_flags(days: int = 90) -> list:
    resp = requests.get(f"{LD_API}/code-refs/statistics/{PROJECT}", headers=_headers(), timeout=10)
    stats = resp.json()  # expect: unchecked-response-status
    return [name for name, s in stats.get("flags", {}).items() if not s]
