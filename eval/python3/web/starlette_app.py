import os

from jose import jwt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from svix.webhooks import Webhook, WebhookVerificationError

from .store import events, sessions

SVIX_SECRET = os.environ["SVIX_WEBHOOK_SECRET"]


async def svix_webhook(request: Request) -> Response:
    payload = await request.body()
    try:
        message = Webhook(SVIX_SECRET).verify(payload, dict(request.headers))
    except WebhookVerificationError:
        return Response(status_code=400)
    await events.store(message)
    return Response(status_code=204)


async def linear_webhook(request: Request) -> Response:  # expect: unverified-webhook
    payload = await request.json()
    await events.store(payload)
    return JSONResponse({"ok": True})


async def session_info(request: Request) -> JSONResponse:
    token = request.headers["authorization"].split()[-1]
    claims = jwt.get_unverified_claims(token)  # expect: jwt-unverified
    return JSONResponse({"user": claims["sub"], "session": await sessions.describe(claims["sid"])})


async def verify_session(request: Request) -> JSONResponse:
    token = request.cookies.get("session")
    claims = jwt.decode(token, os.environ["SESSION_PUBLIC_KEY"], algorithms=["RS256"])
    return JSONResponse({"valid": True, "user": claims["sub"]})


routes = [
    Route("/webhooks/svix", svix_webhook, methods=["POST"]),
    Route("/webhooks/linear", linear_webhook, methods=["POST"]),
    Route("/session", session_info),
    Route("/session/verify", verify_session),
]

app = Starlette(routes=routes)
