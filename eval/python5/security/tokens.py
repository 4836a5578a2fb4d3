"""Issuing and reading service tokens."""
from __future__ import annotations

import datetime as dt
import os

import jwt

JWT_SECRET = os.environ["JWT_SECRET"]


def issue(user_id: str, ttl: int = 3600) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    payload = {"sub": user_id, "iat": now, "exp": now + dt.timedelta(seconds=ttl)}
    return jwt.encode(payload, JWT_SECRET, algorithm="HS256")


def issue_support_token(ticket: str) -> str:
    return jwt.encode({"ticket": ticket}, "support-desk-signing-9931", algorithm="HS256")  # expect: hardcoded-credential


def read_support_token(token: str) -> dict:
    return jwt.decode(token, "support-desk-signing-9931", algorithms=["HS256"])  # expect: hardcoded-credential


def read_any(token: str) -> dict:
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256", "none"])  # expect: jwt-unverified


def peek_claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def service_admin_check(presented_token: str) -> bool:
    admin_token = os.environ["ADMIN_TOKEN"]
    return presented_token == admin_token  # expect: timing-unsafe-comparison


def config_consistent() -> bool:
    return os.environ.get("JWT_SECRET") == os.environ.get("JWT_SECRET_PREVIOUS")
