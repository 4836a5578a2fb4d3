import structlog

from .auth import decode_session

log = structlog.get_logger()


def bind_request(request) -> None:
    structlog.contextvars.bind_contextvars(path=request.url.path, request_id=request.headers.get("x-request-id"))


async def audit_login(request, user_id: str, refresh_token: str) -> None:
    log.info("login", user_id=user_id, refresh_token=refresh_token)  # expect: secret-in-log
    log.info("login", user_id=user_id, has_refresh=bool(refresh_token))
    log.info("login.headers", headers=dict(request.headers))  # expect: secret-in-log


async def audit_logout(request, session_id: str) -> None:
    log.info("logout", session_id=session_id, token_type="refresh")
    session = decode_session(request.cookies.get("sid"))
    log.debug("logout.session", user=session.user_id, password_changed=session.password_changed_at)
