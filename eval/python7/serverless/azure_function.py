import json
import logging
import os

import azure.functions as func
import requests

app = func.FunctionApp()

STORAGE_CONN = "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=q8Xo2mJ4nV6bP1rT3yU5iO7kL9hG0fD2sA4zX6cV8bN0mQ1wE3rT5yU7iO9pL1kJ3hG5fD7sA9zX2cV4bN6mQ8w==;EndpointSuffix=core.windows.net"  # expect: hardcoded-credential


@app.route(route="orders", methods=["POST"])
def orders(req: func.HttpRequest) -> func.HttpResponse:
    payload = req.get_json()
    logging.info("order headers %s", req.headers)  # expect: secret-in-log
    r = requests.post("https://fulfil.example-3pl.com/orders", json=payload, timeout=float("inf"))  # expect: missing-timeout
    r.raise_for_status()
    return func.HttpResponse(json.dumps(r.json()), status_code=201)


@app.timer_trigger(schedule="0 */5 * * * *", arg_name="timer")
def poll(timer: func.TimerRequest) -> None:
    r = requests.get("https://fulfil.example-3pl.com/status", timeout=10, verify=False)  # expect: tls-verification-disabled
    if r.ok:
        logging.info("status %s", r.json()["state"])
    logging.info("conn configured: %s", bool(os.environ.get("STORAGE_CONN")))
