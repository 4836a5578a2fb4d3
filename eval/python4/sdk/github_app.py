"""GitHub App authentication: app JWT, then installation tokens."""
import logging
import os
import time

import httpx
import jwt

logger = logging.getLogger(__name__)
GITHUB_API = "https://api.github.com"
APP_ID = os.environ["GITHUB_APP_ID"]


def app_jwt(private_key: str) -> str:
    now = int(time.time())
    return jwt.encode({"iat": now - 60, "exp": now + 540, "iss": APP_ID}, private_key, algorithm="RS256")


def installation_token(installation_id: int) -> str:
    token = app_jwt(os.environ["GITHUB_APP_PRIVATE_KEY"])
    resp = httpx.post(
        f"{GITHUB_API}/app/installations/{installation_id}/access_tokens",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"},
    )
    resp.raise_for_status()
    return resp.json()["token"]


def ci_status_token() -> str:
    return jwt.encode({"iss": "ci-status", "iat": int(time.time())}, "ci-status-signing-4f1d9b27e6", algorithm="HS256")  # expect: hardcoded-credential


def dispatch(repo: str, event: str) -> None:
    token = installation_token(int(os.environ["GITHUB_INSTALLATION_ID"]))
    headers = {"Authorization": f"token {token}"}
    resp = httpx.post(f"{GITHUB_API}/repos/{repo}/dispatches", json={"event_type": event}, headers=headers)
    if resp.status_code != 204:
        logger.error("dispatch failed: %s", resp.text)


def legacy_dispatch(repo: str, event: str) -> None:
    headers = {"Authorization": "Bearer ghp_R7tK2mQ9xL4vN8pW3zH6yB1cD5fG0jS2aE4u"}  # expect: hardcoded-credential
    httpx.post(f"{GITHUB_API}/repos/{repo}/dispatches", json={"event_type": event}, headers=headers)
