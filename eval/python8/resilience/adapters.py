"""Session factories for the importers, each with its own retry policy."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from importers.settings import HTTP_TIMEOUT


def quick_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=3))  # expect: retry-without-backoff
    return session


def persistent_session() -> requests.Session:
    policy = Retry(total=None, connect=None, read=None, status=None, backoff_factor=1)  # expect: unbounded-retry
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=policy))
    return session


def hammering_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=Retry(total=5, backoff_factor=0, status_forcelist=[503])))  # expect: retry-without-backoff
    return session


def polite_session() -> requests.Session:
    session = requests.Session()
    retry = Retry(
        total=4,
        connect=2,
        backoff_factor=0.3,
        status_forcelist=[429, 500, 502, 503, 504],
        respect_retry_after_header=True,
    )
    session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=20))
    return session


def connect_only_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=Retry(total=None, connect=3, backoff_factor=0.5)))
    return session


def no_retry_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=0))
    return session


def fetch_manifest(url: str) -> dict:
    session = polite_session()
    resp = session.get(url, timeout=HTTP_TIMEOUT)
    resp.raise_for_status()
    return resp.json()
