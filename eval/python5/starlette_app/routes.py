"""Starlette app for telephony callbacks."""
from __future__ import annotations

import logging
import os

from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator

log = logging.getLogger("telephony")
validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
slack_verifier = SignatureVerifier(os.environ["SLACK_SIGNING_SECRET"])


async def twilio_voice(request: Request) -> Response:
    form = dict(await request.form())
    signature = request.headers.get("X-Twilio-Signature", "")
    if not validator.validate(str(request.url), form, signature):
        return PlainTextResponse("forbidden", status_code=403)
    return PlainTextResponse("<Response><Say>Thanks</Say></Response>", media_type="application/xml")


async def twilio_status_hook(request: Request) -> Response:  # expect: unverified-webhook
    form = await request.form()
    log.info("call %s is %s", form.get("CallSid"), form.get("CallStatus"))
    return Response(status_code=204)


async def slack_events(request: Request) -> Response:
    body = await request.body()
    if not slack_verifier.is_valid_request(body, dict(request.headers)):
        return Response(status_code=401)
    payload = await request.json()
    if payload.get("type") == "url_verification":
        return JSONResponse({"challenge": payload["challenge"]})
    return Response(status_code=200)


async def debug_echo(request: Request) -> Response:
    log.debug("incoming headers %s", request.headers)  # expect: secret-in-log
    return JSONResponse({"path": request.url.path})


async def list_numbers(request: Request) -> Response:
    return JSONResponse({"numbers": []})


routes = [
    Route("/twilio/voice", twilio_voice, methods=["POST"]),
    Route("/hooks/twilio/status", twilio_status_hook, methods=["POST"]),
    Route("/hooks/slack/events", slack_events, methods=["POST"]),
    Route("/debug/echo", debug_echo, methods=["POST"]),
    Route("/numbers", list_numbers),
]

app = Starlette(routes=routes)
