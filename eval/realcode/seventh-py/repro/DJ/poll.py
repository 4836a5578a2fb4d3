# DJ: polling for an asynchronous result (IntelOwl observable_analyzers/urlscan.py:69: urlscan answers
# 404 until the scan is done, and its docs ask for 2-second polls; file_analyzers/yaraify_file_scan.py:91).
import time

import requests


def poll_for_result(url):
    max_tries = 10
    poll_distance = 2
    result = {}
    time.sleep(10)
    for chance in range(max_tries):
        if chance:
            time.sleep(poll_distance)
        resp = requests.get(url, timeout=10)
        if resp.status_code == 404:
            continue
        result = resp.json()
        break
    return result
