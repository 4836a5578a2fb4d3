import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'app.py' });

ruleTester('secret-in-log', {
  valid: [
    { ...py(`import logging\nimport requests\nlog = logging.getLogger(__name__)\ndef handle_rate_limit(response):\n    log.error(f"Expected rate limit headers but got: {response.headers}.")\ndef on_error(resp, r):\n    log.warning("headers %s %s", resp.headers, r.headers)\ndef check(reply: requests.Response, r: "httpx.Response"):\n    log.info("answer %s", reply.headers)\n    log.info("answer %s", r.headers)\nclass Exchange:\n    def query(self):\n        response = self._api_query("ticker")\n        log.debug("headers %s", response.headers)\n        try:\n            self.session.get(URL, timeout=5).raise_for_status()\n        except requests.HTTPError as e:\n            log.error("failed: %s", e.response.headers)\n        log.debug("last %s", self.response.headers)`), name: "a response's own headers: a parameter or attribute named so, one annotated as a Response, or one a call returned" },
    { ...py(`import logging\nimport requests\nlogger = logging.getLogger(__name__)\npartner = requests.Session()\ndef call(path):\n    reply = partner.get(path, timeout=10)\n    logger.error("failed; answer headers %s, request id %s", reply.headers, partner.headers["X-Request-Id"])`), name: "a session's response headers and one of its headers that names no credential" },
    { ...py(`import logging\nclass Sync:\n    def start(self):\n        self.logger = logging.getLogger("sync")\n        self.logger.info("secret %s...", self.client_secret[:4])\n        logging.info("token %s… first %s", api_token[0:8], api_token[0])`), name: 'a secret cut to a short prefix for display' },
    py(`import logging\nlogger = logging.getLogger(__name__)\nlogger.info("token set: %s", bool(token))`),
    py(`import logging\nlogging.info("token %s", "set" if api_key else "missing")`),
    py(`import logging\nlogging.info("token length %d", len(token))`),
    py(`import logging\nlogging.info("fetched %s", get_user(token))`),
    py(`import logging\nlogging.debug("has token: %s", token is not None)`),
    { ...py(`import logging\nimport requests\nimport aiohttp\nlogger = logging.getLogger(__name__)\ndef send(url):\n    r = requests.post(url, json={}, timeout=5)\n    logger.debug(f"response headers: {r.headers!r}")\n    return r.ok\nasync def fetch(url):\n    async with aiohttp.ClientSession() as session:\n        async with session.get(url) as resp:\n            logger.debug("headers %s", dict(resp.headers))`), name: "a response's headers are what the server answered, not the request's credentials" },
    py(`import logging\nlogging.info("user %s logged in", user.id)`),
    py(`print("token_url", TOKEN_URL)`),
    py(`import logging\nlogging.info("secret fingerprint %s", hash_secret(secret))`),
    { ...py(`import logging\nfrom flask import request\nlogger = logging.getLogger(__name__)\ndef view(flow):\n    logger.info("request id %s", request.headers["X-Request-Id"])\n    print("trailer", flow.request.headers["trailer"], request.META["REMOTE_ADDR"])`), name: 'one header read by a key that names no credential is not the whole headers object' },
    { ...py(`import structlog\nlog = structlog.get_logger(__name__)\ndef revoke(token):\n    bound = log.bind(flow="revoke")\n    bound.info("oauth.revoked", had_refresh=bool(token.refresh_token))\n    conn = socket.socket()\n    conn.bind(("", 8000))\n    conn.send(token.refresh_token)`), name: 'a bound structlog logger writing a masked token; a socket bound, not a logger' },
    { ...py(`import logging\nlogger = logging.getLogger(__name__)\ndef view(request):\n    logger.info("agent %s id %s page %s", request.headers.get("User-Agent"), request.headers.get("X-Request-Id"), request.args.get("page"))\n    logger.info("has auth: %s", bool(request.headers.get("Authorization")))`), name: 'values read with .get() under other names, and a masked credential read' },
  ],
  invalid: [
    { ...py(`import logging\nimport requests\ndef send(url, token, request):\n    r = requests.Request("POST", url, headers={"Authorization": token})\n    logging.debug("request %s", r.headers)\n    logging.debug("incoming %s", request.headers)\ndef replay(r):\n    r = r.prepare()\n    logging.debug("prepared %s", r.headers)\ndef sign(r: requests.PreparedRequest):\n    logging.debug("signing %s", r.headers)`), errors: [{ line: 5, message: /r\.headers/ }, { line: 6 }, { line: 9 }, { line: 11 }], name: 'a request built or annotated under a response-like name still holds the request headers' },
    { ...py(`import logging\nlogger = logging.getLogger(__name__)\ndef view(request):\n    logger.info("auth %s", request.headers.get("Authorization"))\n    logger.info("token %s", request.headers.get("X-Api-Token"))\n    logger.info("pw %s", request.json.get("password"))\n    logger.info("auth: " + request.headers.get("Authorization", ""))`), errors: [{ line: 4, message: /request\.headers\.get\("Authorization"\)/ }, { line: 5 }, { line: 6 }, { line: 7 }], name: 'credential values read with .get(), as the subscript forms' },
    { ...py(`import structlog\nlog = structlog.get_logger(__name__)\ndef revoke(token):\n    bound = log.bind(flow="revoke")\n    bound.debug("oauth.revoke_failed.detail", refresh_token=token.refresh_token)`), errors: [{ line: 5 }], name: 'a structlog logger from log.bind(...) writing a token keyword' },
    { ...py(`import logging\naudit = logging.getLogger("app").getChild("audit")\naudit.warning("login with %s", password)`), errors: [{ line: 3 }], name: 'a child of a logging logger' },
    { ...py(`import structlog\nstructlog.get_logger().bind(user=uid).info("issued", api_key=api_key)`), errors: [{ line: 2 }], name: 'a bound logger used in place' },
    { ...py(`import logging\nlogging.info("token %s", api_token[4:])\nlogging.info("token %s", api_token[:12])\nlogging.info("token %s", api_token[:n])`), errors: [{ line: 2 }, { line: 3 }, { line: 4 }], name: 'a dropped prefix, a long prefix or a computed end still logs the secret' },
    { ...py(`import logging\nlogger = logging.getLogger(__name__)\nlogger.info("got token %s", token)`), errors: [{ line: 3, message: /^logger\.info logs `token`: .*bool\(value\)/ }] },
    { ...py(`import logging\nlogging.debug(f"Authorization: Bearer {self.access_token}")`), errors: [{ line: 2, message: /logs `self\.access_token`/ }] },
    { ...py(`import logging\nlogging.warning("key=" + settings.API_KEY)`), errors: [{ line: 2 }] },
    { ...py(`import logging\nlog = logging.getLogger("x")\nlog.error("creds {}".format(password))`), errors: [{ line: 3 }] },
    { ...py(`print(f"client secret is {client_secret}")`), errors: [{ line: 1, message: /^print logs/ }] },
    { ...py(`import logging\nimport httpx\nimport requests\nlogger = logging.getLogger(__name__)\npartner = requests.Session()\ndef call(path):\n    logger.error("partner session headers were %s", partner.headers)\n    logger.error("auth %s", partner.headers["Authorization"])\n    with httpx.Client() as upstream:\n        logger.debug("upstream %s", dict(upstream.headers))`), errors: [{ line: 7, message: /whole headers object `partner\.headers`/ }, { line: 8 }, { line: 10 }], name: "the default headers of a session or client the file builds, whatever its name" },
    { ...py(`from flask import request, current_app\ndef hook():\n    current_app.logger.info("headers: %s", request.headers)`), errors: [{ line: 3, message: /whole headers object `request\.headers`/ }] },
    { ...py(`import logging\nlogging.info("headers %s", dict(request.headers))`), errors: [{ line: 2, message: /headers object/ }] },
    { ...py(`import logging\nimport requests\ndef send(url, token):\n    session = requests.Session()\n    session.headers["Authorization"] = token\n    r = session.post(url, json={}, timeout=5)\n    logging.debug("sent %s", r.request.headers)\n    logging.debug("session %s", session.headers)\n    logging.debug("response %s", response.headers)`), errors: [{ line: 7, message: /r\.request\.headers/ }, { line: 8, message: /session\.headers/ }, { line: 9, message: /response\.headers/ }], name: 'the request a response was sent with, a session, and a response the file did not make' },
    { ...py(`import logging\ndef view(request):\n    logging.info("auth %s", request.headers["Authorization"])\n    logging.info("cookie %s", request.META["HTTP_COOKIE"])\n    logging.info("key %s", request.headers["X-Api-Key"])\n    logging.info("proxy %s", request.headers["Proxy-Authorization"])`), errors: [{ line: 3, message: /logs `request\.headers\["Authorization"\]`/ }, { line: 4 }, { line: 5 }, { line: 6 }], name: 'a header read by a key that names a credential header' },
    { ...py(`import structlog\nlog = structlog.get_logger()\nlog.info("login", password=password)`), errors: [{ line: 3 }] },
    { ...py(`import logging\nlogging.info("login", extra={"api_key": key})`), errors: [{ line: 2 }] },
    { ...py(`from loguru import logger\nlogger.info("config {}", config["secret_key"])`), errors: [{ line: 2 }] },
  ],
});

// Blind set python7: loguru's logger under another name, and a bound logger used in the same
// expression (`.bind(...).debug(...)`), write to the log as the logger itself does.
ruleTester('secret-in-log', {
  valid: [
    { ...py(`from loguru import logger as loguru_logger\ndef refresh(session, cache):\n    loguru_logger.bind(user=session.user_id).debug("refreshed, expires {}", session.expires_at)\n    cache.bind(user=session.user_id).debug("refreshed {}", session.refresh_token)`), name: 'a bound logger writing no secret, and bind on something that is no logger' },
  ],
  invalid: [
    { ...py(`from loguru import logger as loguru_logger\nimport loguru\ndef refresh(session, rid):\n    loguru_logger.bind(request_id=rid).debug("refreshed {}", session.refresh_token)\n    loguru.logger.opt(lazy=True).bind(rid=rid).info("key {}", session.api_key)\n    loguru_logger.warning("token {}", session.access_token)`), errors: [{ line: 4, message: /refresh_token/ }, { line: 5 }, { line: 6 }], name: 'loguru imported under another name, chained bind and opt' },
    { ...py(`from loguru import logger\ndef refresh(session, rid):\n    logger.bind(request_id=rid).info("refreshed {}", session.refresh_token)`), errors: [{ line: 3 }], name: 'logger.bind(...).info(...)' },
  ],
});

// Real-code set five (rotki): a token the file types as an on-chain asset (a parameter annotated
// with an asset class, a value an asset class or an asset factory made) is a currency, not a
// credential; a token typed as a string, or as a class or factory named for a credential, still is.
ruleTester('secret-in-log', {
  valid: [
    { ...py(`import logging
from typing import TYPE_CHECKING, Optional
if TYPE_CHECKING:
    from wallet.assets import Asset, EvmToken
log = logging.getLogger(__name__)
def price(token: 'EvmToken', vault_token: EvmToken | None, from_token: Optional[Asset], cache):
    cache[token] = None
    log.error('Could not find the underlying token for %s', token)
    log.debug(f'Searching price for {from_token} in {vault_token}')
class Decoder:
    def decode(self, address):
        compound_token = EvmToken(address)
        self.underlying[compound_token] = None
        log.error(f'No underlying token found for {compound_token!s}.')
        output_token = self.base.get_or_create_evm_token(address=address)
        log.debug('output %s', output_token)
        earned_token = output_token
        log.debug('earned %s', earned_token)`), name: 'tokens typed, built or made as on-chain assets' },
  ],
  invalid: [
    { ...py(`import logging
from myapp.auth import AccessToken, ApiKey
from wallet.assets import EvmToken
log = logging.getLogger(__name__)
def refresh(token: str, access_token: AccessToken, api_key: 'ApiKey'):
    log.error('refresh failed for %s', token)
    log.error('access %s', access_token)
    log.debug('key %s', api_key)
def login(session, request, asset_token: EvmToken):
    token = session.get_access_token()
    log.info('got %s', token)
    asset_token = request.headers['X-Token']
    log.info('asset %s', asset_token)`), errors: [{ line: 6 }, { line: 7 }, { line: 8 }, { line: 11 }, { line: 13 }], name: 'a token typed as a string or as a credential class, made by a credential factory, or also bound to a request value' },
  ],
});

// Real-code set seven: a login-failure signal's credentials dict, logged by its user name (the user
// half of a login, as `credentials.username` is); its password, or a dict of tokens by provider, is the secret.
ruleTester('secret-in-log', {
  valid: [
    { ...py(`import logging\nlogger = logging.getLogger(__name__)\ndef analyze(responses):\n    for response in responses:\n        logger.info(f"Response headers for {response.url}: {response.headers}")\n        for resp in response.history:\n            logger.debug("redirect %s", resp.headers)`), name: 'a loop variable named as a response, over responses or a redirect history' },
    { ...py(`import logging\nlogger = logging.getLogger(__name__)\ndef log_user_login_failed(sender, credentials, request, **kwargs):\n    if "username" in credentials:\n        logger.warning("login failed for: %s via ip: %s", credentials["username"], request.META["REMOTE_ADDR"])\n    logger.info("for %s", creds["user_email"])`), name: "a credentials dict's user name or e-mail" },
  ],
  invalid: [
    { ...py(`import logging\nlogger = logging.getLogger(__name__)\ndef replay(prepared, sessions):\n    for response in prepared:\n        logger.info("sending %s", response.headers)\n    for r in sessions:\n        logger.info("with %s", r.headers)`), errors: [{ line: 5 }, { line: 7 }], name: 'a loop variable over something not named as responses' },
    { ...py(`import logging\nlogger = logging.getLogger(__name__)\ndef failed(credentials, auth):\n    logger.warning("login failed for: %s", credentials["password"])\n    logger.debug("using %s", auth["github"])`), errors: [{ line: 4 }, { line: 5 }], name: "a credentials dict's password, and a token looked up by provider" },
  ],
});
