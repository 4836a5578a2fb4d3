"""Feature flags: LaunchDarkly for the product, a self-hosted Unleash for ops toggles."""
import logging
import os
import threading
import time

import ldclient
import requests
from ldclient import Context
from ldclient.config import Config

logger = logging.getLogger(__name__)

ldclient.set_config(Config(os.environ["LAUNCHDARKLY_SDK_KEY"], stream=True))
ld = ldclient.get()

UNLEASH_URL = os.environ.get("UNLEASH_URL", "https://unleash.ops.example.com/api")
UNLEASH_API_TOKEN = "*:production.6f2b9c1e8d4a7f3b0e5c9a2d1f8b4e7c6a3d9f0b2e5c8a1d"  # expect: hardcoded-credential
UNLEASH_HEADERS = {
    "Authorization": UNLEASH_API_TOKEN,
    "UNLEASH-APPNAME": "checkout",
}
_toggles = {}
_lock = threading.Lock()


def is_enabled(flag: str, user_key: str, default: bool = False) -> bool:
    ctx = Context.builder(user_key).kind("user").build()
    return ld.variation(flag, ctx, default)


def ops_toggle(name: str) -> bool:
    with _lock:
        return _toggles.get(name, False)


def _refresh_toggles():
    resp = requests.get(f"{UNLEASH_URL}/client/features", headers=UNLEASH_HEADERS, timeout=5)
    resp.raise_for_status()
    features = {f["name"]: f["enabled"] for f in resp.json()["features"]}
    with _lock:
        _toggles.clear()
        _toggles.update(features)


def poll_forever(interval=15):
    """Background poller: refreshes on success and on failure alike."""
    while True:
        try:
            _refresh_toggles()
        except requests.RequestException as exc:
            logger.warning("unleash refresh failed: %s", exc)
        time.sleep(interval)


def register_client():
    body = {"appName": "checkout", "instanceId": os.environ.get("HOSTNAME", "local"), "strategies": ["default"]}
    resp = requests.post(f"{UNLEASH_URL}/client/register", json=body, headers=UNLEASH_HEADERS)  # expect: missing-timeout
    if resp.status_code not in (200, 202):
        logger.warning("unleash register answered %s", resp.status_code)


def start():
    register_client()
    t = threading.Thread(target=poll_forever, daemon=True, name="unleash-poller")
    t.start()
    logger.info("feature flags ready, sdk key set=%s", "LAUNCHDARKLY_SDK_KEY" in os.environ)
