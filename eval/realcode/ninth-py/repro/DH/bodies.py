# DH: an error body cannot pass silently as data.
from io import BytesIO
from zipfile import ZipFile

import requests


def download_ui(dl_url):
    # an error page is not a zip: ZipFile raises BadZipFile (freqtrade freqtrade/commands/deploy_ui.py:41)
    resp = requests.get(dl_url, timeout=20).content
    with ZipFile(BytesIO(resp)) as zf:
        return zf.namelist()


def asset_url(assets):
    # an error object is a dict: r[0] raises (freqtrade deploy_ui.py:81)
    resp = requests.get(assets, timeout=20)
    r = resp.json()
    return r[0]["browser_download_url"]


def wellknown(base_url):
    # required keys indexed at once inside a try that turns any failure into InvalidProviderUrl
    # (baserow enterprise sso/oauth2/auth_provider_types.py:529)
    try:
        json_response = requests.get(f"{base_url}/.well-known/openid-configuration", timeout=120).json()
        return json_response["authorization_endpoint"], json_response["token_endpoint"]
    except Exception as exc:
        raise ValueError("Provider 'Wellknown URL endpoint' invalid.") from exc
