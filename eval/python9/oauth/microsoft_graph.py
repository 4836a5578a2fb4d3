"""Microsoft Entra ID app-only access to Microsoft Graph for the calendar sync."""
import logging
import os
import time

import msal
import requests

logger = logging.getLogger(__name__)

TENANT_ID = os.environ["AZURE_TENANT_ID"]
CLIENT_ID = os.environ["AZURE_CLIENT_ID"]
AZURE_CLIENT_SECRET = os.environ["AZURE_CLIENT_SECRET"]
GRAPH = "https://graph.microsoft.com/v1.0"

app = msal.ConfidentialClientApplication(
    CLIENT_ID,
    authority=f"https://login.microsoftonline.com/{TENANT_ID}",
    client_credential=AZURE_CLIENT_SECRET,
)


def graph_token():
    result = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])
    if "access_token" not in result:
        raise RuntimeError(result.get("error_description"))
    logger.debug("graph token acquired, expires in %s", result.get("expires_in"))
    return result["access_token"]


def list_events(user_id, start, end):
    headers = {"Authorization": f"Bearer {graph_token()}"}
    url = f"{GRAPH}/users/{user_id}/calendarView"
    events = []
    params = {"startDateTime": start, "endDateTime": end, "$top": 50}
    while url:
        resp = requests.get(url, headers=headers, params=params, timeout=20)
        resp.raise_for_status()
        body = resp.json()
        events.extend(body["value"])
        url = body.get("@odata.nextLink")
        params = None
    return events


def create_event(user_id, event):
    headers = {"Authorization": f"Bearer {graph_token()}"}
    for attempt in range(5):  # expect: retry-without-backoff
        resp = requests.post(f"{GRAPH}/users/{user_id}/events", json=event, headers=headers, timeout=20)  # expect: missing-idempotency-key
        if resp.status_code == 429:
            logger.info("graph throttled, attempt %d", attempt)
            time.sleep(2)
            continue
        resp.raise_for_status()
        return resp.json()
    raise RuntimeError("graph throttled us five times")


def delete_event(user_id, event_id):
    token = graph_token()
    logger.info("deleting %s for %s using %s", event_id, user_id, token)  # expect: secret-in-log
    resp = requests.delete(
        f"{GRAPH}/users/{user_id}/events/{event_id}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=20,
    )
    return resp.status_code == 204
