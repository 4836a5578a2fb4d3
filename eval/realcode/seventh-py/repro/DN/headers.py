# DN: headers of a request to a phishing page carrying no credential of the application
# (IntelOwl file_analyzers/phishing/phishing_form_compiler.py:212, 243).
import logging

import requests

logger = logging.getLogger(__name__)


def submit(url, params):
    response = requests.post(url, data=params, headers={"User-Agent": "Mozilla/5.0"}, timeout=10)
    logger.info(f"Request headers: {response.request.headers}")
    logger.info(f"Response headers for {response.url}: {response.headers}")
    return response
