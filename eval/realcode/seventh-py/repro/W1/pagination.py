# W1 (wrong): a pagination loop that leaves on failure (raise_for_status) is not a retry loop, contract
# 1.1 "Pagination and polling loops that do not catch-and-retry failures are not retry loops"
# (DefectDojo dojo/tools/api_bugcrowd/api_client.py:55).
import requests


def submissions(session: requests.Session, first):
    next_page = first
    while next_page:
        response = session.get(url=next_page, timeout=30)
        response.raise_for_status()
        if response.ok:
            data = response.json()
            if len(data["data"]) == 0:
                break
            yield data["data"]
            next_page = data["links"]["next"]
        else:
            next_page = "over"
