"""Structured request/response logging for outbound partner calls (structlog)."""
import hashlib

import httpx
import structlog

log = structlog.get_logger(__name__)


def fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:12]


def log_request(request: httpx.Request) -> None:
    log.info("outbound.request", method=request.method, url=str(request.url), headers=dict(request.headers))  # expect: secret-in-log


def log_response(response: httpx.Response) -> None:
    log.info("outbound.response", status=response.status_code, url=str(response.request.url), elapsed=response.elapsed.total_seconds())


client = httpx.Client(timeout=10.0, event_hooks={"request": [log_request], "response": [log_response]})


def call_partner(url: str, api_key: str, payload: dict) -> dict:
    log.debug("partner.call", url=url, api_key=api_key)  # expect: secret-in-log
    log.debug("partner.call", url=url, key_fingerprint=fingerprint(api_key))
    resp = client.post(url, json=payload, headers={"X-Api-Key": api_key})
    resp.raise_for_status()
    return resp.json()


def exchange(refresh_token: str) -> str:
    log.info("token.refresh", token_length=len(refresh_token))
    resp = client.post("https://auth.partner-api.com/token", data={"refresh_token": refresh_token})
    if resp.is_error:
        log.error("token.refresh.failed", status=resp.status_code, body=resp.text)
        raise RuntimeError("refresh failed")
    access_token = resp.json()["access_token"]
    log.info("token.refresh.ok", access_token=access_token)  # expect: secret-in-log
    return access_token
