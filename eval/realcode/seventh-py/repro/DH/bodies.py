# DH: an error body cannot pass silently as data.
import json

import requests


def slack_user_id(token, email):
    # Slack's Web API reports errors in the body, which is checked (DefectDojo notifications/helper.py:283)
    res = requests.post("https://slack.com/api/users.lookupByEmail", data={"token": token, "email": email}, timeout=10)
    user = json.loads(res.text)
    if "error" in user:
        raise RuntimeError(res.text)
    return user["user"]["id"]


def rates(access_key):
    # a required key is indexed at once: an error body raises (liberapay i18n/currencies.py:561)
    r = requests.get(f'https://data.fixer.io/api/latest?access_key={access_key}', timeout=10)
    return r.json()['rates']
