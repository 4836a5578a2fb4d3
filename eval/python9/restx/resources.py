"""Flask-RESTX namespace for the shipping-rates API."""
import logging
import os

import requests
from flask import current_app, request
from flask_restx import Namespace, Resource, fields

ns = Namespace("rates", description="Carrier rate quotes")
log = logging.getLogger(__name__)

quote_model = ns.model(
    "Quote",
    {"origin": fields.String(required=True), "destination": fields.String(required=True)},
)

CARRIER_API = os.environ.get("CARRIER_API", "https://api.carrier.example.com")
CARRIER_TOKEN = os.environ["CARRIER_TOKEN"]
CARRIER_PASSWORD = os.getenv("CARRIER_PASSWORD", "Qz7!pL2x#Rt9")  # expect: hardcoded-credential


@ns.route("/quote")
class Quote(Resource):
    @ns.expect(quote_model)
    def post(self):
        payload = request.get_json()
        log.info("quote request from %s", request.remote_addr)
        resp = requests.post(  # expect: missing-timeout
            f"{CARRIER_API}/quotes",
            json=payload,
            auth=("shop", CARRIER_PASSWORD),
            timeout=(3.05, None),
        )
        resp.raise_for_status()
        return resp.json()


@ns.route("/carriers")
class Carriers(Resource):
    def get(self):
        resp = requests.get(
            f"{CARRIER_API}/carriers",
            headers={"Authorization": f"Bearer {CARRIER_TOKEN}"},
            timeout=current_app.config["HTTP_TIMEOUT"],
        )
        if resp.status_code != 200:
            ns.abort(502, "carrier api unavailable")
        return resp.json()


@ns.route("/debug")
class Debug(Resource):
    def get(self):
        current_app.logger.debug("incoming headers: %s", dict(request.headers))  # expect: secret-in-log
        current_app.logger.debug("carrier token configured: %s", bool(CARRIER_TOKEN))
        return {"ok": True}
