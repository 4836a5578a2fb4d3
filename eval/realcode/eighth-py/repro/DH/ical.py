# DH: an error body cannot pass as data (oncall schedules/ical_utils.py:735 the text is parsed as iCal at
# once and a ValueError is recorded as "wrong iCal"; oss_installation/cloud_heartbeat.py:45 an error JSON
# has no "results" and nothing happens).
import requests


def fetch_ical_file(ical_url: str) -> str:
    r = requests.get(ical_url, headers={"User-Agent": "Grafana OnCall"}, timeout=10)
    return r.text


def find_integration(url, headers):
    response = requests.get(url, headers=headers, timeout=5)
    integrations = response.json().get("results", [])
    return integrations[0] if len(integrations) == 1 else None
