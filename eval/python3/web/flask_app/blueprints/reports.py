import requests
from flask import Blueprint, current_app, jsonify, request
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

bp = Blueprint("reports", __name__, url_prefix="/reports")

analytics = requests.Session()
analytics.mount(
    "https://",
    HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))),
)
analytics.headers.update({"Accept": "application/json"})


@bp.get("/traffic")
def traffic():
    resp = analytics.get(  # expect: missing-timeout
        f"{current_app.config['ANALYTICS_URL']}/v1/traffic",
        params={"site": request.args["site"]},
    )
    return jsonify(resp.json())  # expect: unchecked-response-status


@bp.get("/conversions")
def conversions():
    resp = analytics.get(
        f"{current_app.config['ANALYTICS_URL']}/v1/conversions",
        params={"site": request.args["site"]},
        timeout=(3.05, 10),
    )
    if resp.status_code == 404:
        return jsonify([])
    resp.raise_for_status()
    return jsonify(resp.json())
