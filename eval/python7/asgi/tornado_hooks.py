import hashlib
import hmac
import json
import os

import tornado.web
from tornado.httpclient import AsyncHTTPClient

GITEA_SECRET = os.environ["GITEA_WEBHOOK_SECRET"].encode()


class GiteaHookHandler(tornado.web.RequestHandler):
    async def post(self):
        sig = self.request.headers.get("X-Gitea-Signature", "")
        expected = hmac.new(GITEA_SECRET, self.request.body, hashlib.sha256).hexdigest()
        if sig != expected:  # expect: timing-unsafe-comparison
            raise tornado.web.HTTPError(401)
        event = json.loads(self.request.body)
        self.write({"ok": True, "ref": event.get("ref")})


class StatusHandler(tornado.web.RequestHandler):
    async def get(self):
        client = AsyncHTTPClient()
        resp = await client.fetch("https://status.example-ci.dev/api", request_timeout=5)
        self.write(resp.body)


def make_app():
    return tornado.web.Application([
        (r"/hooks/gitea", GiteaHookHandler),
        (r"/status", StatusHandler),
    ], cookie_secret="2b7e151628aed2a6abf71589")  # expect: hardcoded-credential
