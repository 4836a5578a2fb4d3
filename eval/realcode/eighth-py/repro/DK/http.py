# DK: short bounded retries (warehouse http.py:23 one immediate retry of a failed connection;
# packaging/tasks.py:56 a Celery task retried on its own time limit, 3 times, 180 s apart by default).
import requests
from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from requests.adapters import HTTPAdapter


def make_session():
    adapter = HTTPAdapter(max_retries=1)
    session = requests.Session()
    session.mount("https://", adapter)
    return session


@shared_task(time_limit=120, autoretry_for=(SoftTimeLimitExceeded, TimeLimitExceeded))
def sync_file_to_cache(file_id):
    return file_id
