# DO: deliberate choices (IntelOwl api_app/classes.py:393; Mayan-EDMS autoadmin/managers.py:26).
import logging

import requests

logger = logging.getLogger(__name__)


def health_check(url):
    # a HEAD probe that sends no credential and reads only the status
    response = requests.head(url, timeout=10, verify=False)
    return response.status_code < 500


def create_autoadmin(username, email, password):
    # the generated first-login password is meant for the operator (also shown on the login page)
    logger.info('Creating superuser -- login: %s, email: %s, password: %s', username, email, password)
