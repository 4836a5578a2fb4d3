import argparse
import logging
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger("backfill")


def build_session():
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=Retry(total=4, status_forcelist=[502, 503])))  # expect: retry-without-backoff
    s.mount("http://", HTTPAdapter(max_retries=Retry(total=4, backoff_factor=0.5)))
    return s


def run(args):
    s = build_session()
    for day in args.days:
        r = s.post("https://ledger.example-fin.com/backfill", json={"day": day}, timeout=(3.05, None))  # expect: missing-timeout
        r.raise_for_status()
        log.info("backfilled %s with key %s", day, args.api_key)  # expect: secret-in-log


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--api-key", default=os.getenv("BACKFILL_API_KEY"))
    p.add_argument("days", nargs="+")
    run(p.parse_args())
