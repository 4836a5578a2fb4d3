# DK: three quick tries against a public anycast resolver (IntelOwl dns/dns_resolvers/quad9_dns_resolver.py:35).
import requests


def quad9(url, params):
    # with 2 or 3 attempts the analyzer should get the data
    attempt_number = 3
    for attempt in range(0, attempt_number):
        try:
            quad9_response = requests.get(url, params=params, timeout=10)
        except requests.exceptions.ConnectionError as exception:
            if attempt == attempt_number - 1:
                raise exception
        else:
            quad9_response.raise_for_status()
            break
    return quad9_response.json().get("Answer", [])
