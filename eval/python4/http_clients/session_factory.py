"""requests Session factories shared by the integration clients."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

DEFAULT_TIMEOUT = (3.05, 15)


def resilient_session() -> requests.Session:
    retry = Retry(total=5, backoff_factor=0.5, status_forcelist=(429, 500, 502, 503, 504), allowed_methods=frozenset(["GET", "PUT", "DELETE"]))
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


def quick_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=3))  # expect: retry-without-backoff
    return session


def no_retry_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=0))
    return session


def status_retry_session() -> requests.Session:
    retry = Retry(total=4, status_forcelist=(502, 503))  # expect: retry-without-backoff
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=20))
    return session


def patient_session() -> requests.Session:
    retry = Retry(total=None, connect=None, read=None, backoff_factor=1.0, status_forcelist=(503,))  # expect: unbounded-retry
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


def connect_only_session() -> requests.Session:
    retry = Retry(total=None, connect=3, backoff_factor=0.3)
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


def fetch_catalogue(url: str) -> dict:
    session = resilient_session()
    resp = session.get(url, timeout=DEFAULT_TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def fetch_manifest(url: str) -> dict:
    resp = requests.get(url, timeout=(3.05, None))  # expect: missing-timeout
    resp.raise_for_status()
    return resp.json()


def fetch_feed(url: str) -> str:
    return requests.get(url, timeout=float("inf")).text  # expect: missing-timeout, unchecked-response-status
