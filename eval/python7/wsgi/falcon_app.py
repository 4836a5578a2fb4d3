import hashlib
import hmac
import os

import falcon
import requests

SENDGRID_API_KEY = "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"  # expect: hardcoded-credential
MAIL_URL = "https://api.sendgrid.com/v3/mail/send"


class OutboundMail:
    def on_post(self, req, resp):
        msg = req.get_media()
        r = requests.post(MAIL_URL, json=msg, headers={"Authorization": f"Bearer {SENDGRID_API_KEY}"})  # expect: missing-timeout
        resp.media = {"status": r.status_code}


class InternalCallback:
    def on_post(self, req, resp):
        token = req.get_header("X-Internal-Token")
        if token != os.environ["INTERNAL_TOKEN"]:  # expect: timing-unsafe-comparison
            raise falcon.HTTPUnauthorized()
        resp.media = {"ok": True}


class SignedCallback:
    def on_post(self, req, resp):
        raw = req.bounded_stream.read()
        mac = hmac.new(os.environ["CB_SECRET"].encode(), raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(mac, req.get_header("X-Signature") or ""):
            raise falcon.HTTPUnauthorized()
        resp.media = {"ok": True}


app = falcon.App()
app.add_route("/mail", OutboundMail())
app.add_route("/internal/callback", InternalCallback())
app.add_route("/signed/callback", SignedCallback())
