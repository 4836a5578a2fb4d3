import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'hooks.py' });

ruleTester('timing-unsafe-comparison', {
  valid: [
    py(`import hmac\nif not hmac.compare_digest(expected, signature):\n    abort(401)`),
    py(`import secrets\nok = secrets.compare_digest(token, ADMIN_TOKEN)`),
    py(`if signature is None:\n    abort(400)`),
    py(`if signature == "":\n    abort(400)`),
    py(`if len(signature) != 64:\n    abort(400)`),
    py(`if signature.startswith("sha256="):\n    pass`),
    py(`if "sha256=" in signature:\n    pass`),
    py(`if signature_version == 2:\n    pass`),
    py(`if user.name == other.name:\n    pass`),
    { ...py(`import signal\nif sig == signal.SIGINT:\n    pass`), name: 'a module constant that is no secret' },
    { ...py(`if token == "def":\n    pass`), name: 'a string written in the comparison' },
    { ...py(`START_ELEMENT = "START_ELEMENT"\nif token != START_ELEMENT:\n    pass`), name: 'a constant that is no credential' },
    { ...py(`PRIVATE_KEY = "private_key"\ndef check(metadata):\n    return metadata["key"] == PRIVATE_KEY`), name: 'a constant whose value is its own name' },
    { ...py(`class Validator:\n    SESSION_TOKEN = 'session'\n    def check(self, value):\n        return value == self.SESSION_TOKEN`), name: 'a class attribute holding a short word, no secret' },
    { ...py(`ADMIN_SECRET = "admin_secret_value"\nif x_api_key == ADMIN_SECRET:\n    pass`), name: 'a snake_case identifier is no secret' },
    { code: `def test_checkout(checkout, order):\n    assert order.checkout_token == str(checkout.token)\n    assert payload["signature"] != expected_signature`, filename: 'shop/tests/test_checkout.py', name: 'an assert in a test file: no attacker times the test suite' },
    { ...py(`class ApiKey(Model):\n    @classmethod\n    def get_by_api_key(cls, api_key):\n        return cls.query.filter(cls.api_key == api_key).one()`), name: 'a SQLAlchemy column comparison builds a WHERE clause' },
    { ...py(`from sqlalchemy import and_, select\nstmt = select(Key).where(and_(Key.token == token, ~(Key.revoked == True)))`), name: 'inside where(and_(...))' },
{ ...py(`import ssl\nif purpose == ssl.Purpose.SERVER_AUTH:\n    pass`), name: 'an enum member is no secret' },
    { ...py(`from django.utils.crypto import constant_time_compare\nif constant_time_compare(token, expected_token):\n    pass`), name: "Django's constant_time_compare" },
    { ...py(`import os\nfrom django.conf import settings\nSHARED_TOKEN = os.getenv("SHARED_TOKEN")\ndef check_replicas():\n    if SHARED_TOKEN != settings.REPLICA_TOKEN:\n        raise RuntimeError("secrets differ")`), name: 'both sides from the service configuration (a start-up check)' },
    { ...py(`from .models import OAuth2AccessToken, Credential\ndef record(instance, changes, cred):\n    if type(instance) == OAuth2AccessToken:\n        changes["token"] = "$encrypted$"\n    if type(cred) is not Credential:\n        pass\n    if instance.__class__ != OAuth2AccessToken:\n        pass`), name: 'a type value: type(x) or x.__class__ compared with a class named like a credential' },
    { ...py(`class AccessToken:\n    pass\ndef check(value, token):\n    return value is AccessToken or token.kind == AccessToken`), name: 'a class the file defines is a type value' },
    { ...py(`from django.conf import settings\ndef check_rotation():\n    return settings.API_KEY_SHA256 == settings.PREVIOUS_KEY_SHA256`), name: 'two hash settings compared with each other' },
    { ...py(`from enum import Enum\nclass NtfyAuth(Enum):\n    BASIC = "basic"\n    TOKEN = "token"\nclass Ntfy:\n    def __init__(self, auth):\n        self.auth = auth\n    def headers(self):\n        if self.auth == NtfyAuth.TOKEN:\n            return {}\n        if self.auth is not NtfyAuth.TOKEN:\n            return None`), name: 'an enum member of a class the file derives from Enum' },
    { ...py(`import enum\nclass Base(str, enum.Enum):\n    pass\nclass Scope(Base):\n    API_TOKEN = "api_token"\ndef check(token):\n    return token == Scope.API_TOKEN`), name: "a member of an enum derived from the file's own enum" },
    { ...py(`from django.db import models\nclass TokenKind(models.IntegerChoices):\n    ACCESS_TOKEN = 1\ndef refresh(token):\n    return token.kind == TokenKind.ACCESS_TOKEN and token != TokenKind.ACCESS_TOKEN`), name: 'a member of Django choices' },
    { ...py(`class NtfyAuth:\n    BASIC = "basic"\n    TOKEN = "token"\nclass Ntfy:\n    def __init__(self, auth):\n        self.auth = auth\n    def headers(self):\n        if self.auth == NtfyAuth.TOKEN:\n            return {}`), name: 'a class constant holding a short word names a mode, no secret' },
    { ...py(`class PrivacyMode:\n    Secret = "*"\n    Tail = "$"\ndef pprint(content, mode=PrivacyMode.Secret):\n    if mode is PrivacyMode.Secret:\n        return "****"\n    if mode is not PrivacyMode.Tail:\n        return content`), name: 'a class member compared by identity is a member, not a secret' },
    { ...py(`class Notify:\n    def __init__(self, apikey, sid):\n        self.apikey = apikey\n        self.sid = sid\n    def url(self):\n        if self.apikey != self.sid:\n            return {"apikey": "****"}`), name: 'two attributes the object was configured with' },
    { ...py(`class Matrix:\n    def __init__(self, user, password):\n        self.password = password\n        self.access_token = None\n    def login(self, session):\n        response = session.post("/login", json={"password": self.password})\n        self.access_token = response.json().get("access_token")\n    def url(self):\n        if self.access_token != self.password:\n            return {"token": self.access_token}`), name: 'an attribute from a login response compared with a configured one' },
    { ...py(`from myapp.enums import APIMode\ndef check(agreement, expected, api_mode, signature, now):\n    if agreement.signed_on_behalf == expected:\n        return 1\n    if agreement.signed_dt == now:\n        return 2\n    if signature:\n        return 3\n    elif api_mode == APIMode.ALL_SIGNED:\n        return 4`), name: 'signed as a word before the last (a flag, a date) or an enum member is no signature' },
    { ...py(`import os\nfrom flask import Flask, current_app\napp = Flask(__name__)\ndef startup_check():\n    if app.config["JOB_TOKEN"] == app.config["EXPORT_TOKEN"]:\n        raise RuntimeError("tokens must differ")\n    if current_app.config["JOB_TOKEN"] != os.environ["EXPORT_TOKEN"]:\n        raise RuntimeError("tokens must match")`), name: "Flask's app.config read by subscript is the application's configuration" },
    { ...py(`def match(event, token, pool, user_address, reward_token):
    if event.asset == token or event.asset != self.node_inquirer.native_token:
        return 1
    if pool.underlying_token == self.wrapped_native_token:
        return 2
    if user_address == reward_token:
        return 3`), name: 'a token compared with an asset or an address, and tokens an asset word names: on-chain assets, no secret' },
    { ...py(`class Settings:\n    def configured(self):\n        return self.mail_gmail_token != {} and self.api_token != [] and self.refresh_token != ()`), name: 'a comparison with an empty container asks whether a value is set' },
    { ...py(`from django.conf import settings\nfrom app.settings.literals import DEFAULT_SECRET_KEY\nSENTINEL_TOKEN = 'token-missing!'\ndef check():\n    if settings.SECRET_KEY == DEFAULT_SECRET_KEY:\n        raise RuntimeError('SECRET_KEY value not set.')\n    if settings.API_TOKEN != SENTINEL_TOKEN:\n        return True`), name: "a setting compared at start-up with the application's own constant, imported or a module literal" },
    { ...py(`from flask import request\ndef register():\n    auth = request.authorization\n    if request.form["password"] != request.form["password_confirm"] or auth.password == auth.username:\n        return "mismatch"`), name: 'a password from the request compared with its confirmation or another request value' },
    { ...py(`ANONYMOUS_USER_TOKEN = "anonymous"\ndef get_user(token):\n    anonymous = token == ANONYMOUS_USER_TOKEN\n    return anonymous`), name: 'a constant holding a word of its own name (the public anonymous token) is no secret' },
    { ...py(`FACTORY_PASSWORD = "factory"\ndef step(user_input):\n    if user_input["password"] == FACTORY_PASSWORD:\n        return "change it"`), name: 'a password constant bound to a word is no secret' },
    { ...py(`DEFAULT_PASSWORD_HINT = PASSWORDS[0]\ndef confirm(form):\n    return form["password"] == form["password_confirm"]\ndef test_setup():\n    test_password = "ernie1234"\n    def fake_setup(role, password):\n        return password == test_password`), name: 'a password against its confirmation, or a local one a test binds' },
  ],
  invalid: [
    { ...py(`from homeassistant.const import CONF_PASSWORD\nFACTORY_PASSWORD = "Sg-7731-fx94"\nclass Flow:\n    async def async_step_user(self, user_input=None):\n        if user_input[CONF_PASSWORD] == FACTORY_PASSWORD:\n            return "factory"`), output: `import hmac\nfrom homeassistant.const import CONF_PASSWORD\nFACTORY_PASSWORD = "Sg-7731-fx94"\nclass Flow:\n    async def async_step_user(self, user_input=None):\n        if hmac.compare_digest(user_input[CONF_PASSWORD], FACTORY_PASSWORD):\n            return "factory"`, errors: [{ line: 5 }], name: 'user input compared with a password the code holds' },
    { ...py(`ANONYMOUS_USER_TOKEN = "moonlighting"\ndef get_user(token):\n    return token == ANONYMOUS_USER_TOKEN`), errors: [{ line: 3 }], output: `import hmac\nANONYMOUS_USER_TOKEN = "moonlighting"\ndef get_user(token):\n    return hmac.compare_digest(token, ANONYMOUS_USER_TOKEN)`, name: 'a long word that is not one of its name stays a secret constant' },
    { ...py(`from flask import current_app, request\ndef view():\n    if request.headers["X-Job-Token"] == current_app.config["JOB_TOKEN"]:\n        return 1`), errors: [{ line: 3 }], output: `import hmac\nfrom flask import current_app, request\ndef view():\n    if hmac.compare_digest(request.headers["X-Job-Token"], current_app.config["JOB_TOKEN"]):\n        return 1`, name: "a request header compared with Flask's configuration" },
    { ...py(`from flask import current_app, request\ndef inbound():\n    auth = request.authorization\n    if auth is None or auth.password != current_app.config["INBOUND_PASSWORD"]:\n        return 401`), errors: [{ line: 4, message: /`auth\.password` is compared with !=/ }], output: `import hmac\nfrom flask import current_app, request\ndef inbound():\n    auth = request.authorization\n    if auth is None or not hmac.compare_digest(auth.password, current_app.config["INBOUND_PASSWORD"]):\n        return 401`, name: 'a password from the request compared with the configured one' },
    { ...py(`DEFAULT_SECRET_KEY = 'b7f3c1e9a2d44f08'\ndef check(secret_key):\n    return secret_key == DEFAULT_SECRET_KEY`), errors: [{ line: 3 }], output: `import hmac\nDEFAULT_SECRET_KEY = 'b7f3c1e9a2d44f08'\ndef check(secret_key):\n    return hmac.compare_digest(secret_key, DEFAULT_SECRET_KEY)`, name: "a parameter compared with the application's constant: not a start-up check" },
    { ...py(`def check(request, secret):\n    mac = make_mac(secret, request.body)\n    return request.headers["X-Shopify-Hmac-Sha256"] != mac`), errors: [{ line: 3, message: /the signature/ }], output: `import hmac\ndef check(request, secret):\n    mac = make_mac(secret, request.body)\n    return not hmac.compare_digest(request.headers["X-Shopify-Hmac-Sha256"], mac)`, name: 'a header whose last word before the algorithm is hmac; a name that is mac' },
    { ...py(`import hashlib\nfrom django.conf import settings\ndef check_api_key(request):\n    provided = request.headers.get("X-Api-Key", "")\n    return hashlib.sha256(provided.encode()).hexdigest() == settings.API_KEY_SHA256`), errors: [{ line: 5 }], output: `import hmac\nimport hashlib\nfrom django.conf import settings\ndef check_api_key(request):\n    provided = request.headers.get("X-Api-Key", "")\n    return hmac.compare_digest(hashlib.sha256(provided.encode()).hexdigest(), settings.API_KEY_SHA256)`, name: 'a digest of request input compared with a setting' },
    { ...py(`from flask import request\ndef check(vault_token):\n    return request.headers["X-Vault-Token"] == vault_token`), errors: [{ line: 3 }], output: `import hmac\nfrom flask import request\ndef check(vault_token):\n    return hmac.compare_digest(request.headers["X-Vault-Token"], vault_token)`, name: 'a Vault token is a credential' },
    { ...py(`import os\nfrom flask import request\nSHARED_TOKEN = os.getenv("SHARED_TOKEN")\ndef check():\n    return request.headers.get("X-Token") == SHARED_TOKEN`), errors: [{ line: 5 }], output: `import hmac\nimport os\nfrom flask import request\nSHARED_TOKEN = os.getenv("SHARED_TOKEN")\ndef check():\n    return hmac.compare_digest(request.headers.get("X-Token"), SHARED_TOKEN)`, name: 'a configured secret compared with a request value' },
    {
      ...py(`import hashlib\nimport hmac\ndef verify(body, signature):\n    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()\n    if expected != signature:\n        raise Forbidden()`),
      errors: [{ line: 5, message: /^`expected` is compared with !=, not in constant time: .*the signature.*hmac\.compare_digest/ }],
      output: `import hashlib\nimport hmac\ndef verify(body, signature):\n    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()\n    if not hmac.compare_digest(expected, signature):\n        raise Forbidden()`,
    },
    {
      ...py(`import hashlib\ndef verify(body, sig):\n    return hashlib.sha256(body).hexdigest() == sig`),
      errors: [{ line: 3 }],
      output: `import hmac\nimport hashlib\ndef verify(body, sig):\n    return hmac.compare_digest(hashlib.sha256(body).hexdigest(), sig)`,
    },
    { ...py(`def check(request):\n    return request.headers["X-Api-Key"] == API_KEY`), errors: [{ line: 2, message: /the secret/ }], output: `import hmac\ndef check(request):\n    return hmac.compare_digest(request.headers["X-Api-Key"], API_KEY)` },
    { ...py(`if x_api_key is not ADMIN_TOKEN:\n    raise Forbidden()`), errors: [{ line: 1, message: /compared with is not/ }] },
    { ...py(`ADMIN_TOKEN = "f3a9c1d27b8e4a60"\nif x_api_key == ADMIN_TOKEN:\n    pass`), errors: [{ line: 2 }], output: `import hmac\nADMIN_TOKEN = "f3a9c1d27b8e4a60"\nif hmac.compare_digest(x_api_key, ADMIN_TOKEN):\n    pass`, name: 'a constant holding a random-looking token is a secret' },
    { ...py(`def check(request, expected_signature):\n    assert request.headers["X-Signature"] == expected_signature`), errors: [{ line: 2 }], output: `import hmac\ndef check(request, expected_signature):\n    assert hmac.compare_digest(request.headers["X-Signature"], expected_signature)`, name: 'an assert outside test files still runs at request time' },
    { ...py(`def find(keys, api_key):\n    return list(filter(lambda key: key.api_key == api_key, keys))`), errors: [{ line: 2 }], output: `import hmac\ndef find(keys, api_key):\n    return list(filter(lambda key: hmac.compare_digest(key.api_key, api_key), keys))`, name: 'the builtin filter compares in Python' },
    { ...py(`def find(session, api_key):\n    key = session.query(ApiKey).first()\n    return key.api_key == api_key`), errors: [{ line: 3 }], output: `import hmac\ndef find(session, api_key):\n    key = session.query(ApiKey).first()\n    return hmac.compare_digest(key.api_key, api_key)`, name: 'a loaded row compared in Python' },
    { ...py(`if (\n    received_signature\n    == computed)`), errors: [{ line: 2 }], output: `import hmac\nif (\n    hmac.compare_digest(received_signature, computed))` },
    { ...py(`import os\nclass Config:\n    API_TOKEN = os.environ["API_TOKEN"]\ndef check(token):\n    return token == Config.API_TOKEN`), errors: [{ line: 5 }], output: `import hmac\nimport os\nclass Config:\n    API_TOKEN = os.environ["API_TOKEN"]\ndef check(token):\n    return hmac.compare_digest(token, Config.API_TOKEN)`, name: 'a setting held on a class that is no enum' },
    { ...py(`from flask import request\nclass Guard:\n    def __init__(self, api_key):\n        self.api_key = api_key\n    def allowed(self):\n        return request.headers.get("x-api-key") != self.api_key`), errors: [{ line: 6 }], output: `import hmac\nfrom flask import request\nclass Guard:\n    def __init__(self, api_key):\n        self.api_key = api_key\n    def allowed(self):\n        return not hmac.compare_digest(request.headers.get("x-api-key"), self.api_key)`, name: 'a request header compared with a configured attribute' },
    { ...py(`class Keys:\n    ADMIN_TOKEN = "f3a9c1d27b8e4a60"\ndef check(x_api_key):\n    return x_api_key == Keys.ADMIN_TOKEN`), errors: [{ line: 4 }], output: `import hmac\nclass Keys:\n    ADMIN_TOKEN = "f3a9c1d27b8e4a60"\ndef check(x_api_key):\n    return hmac.compare_digest(x_api_key, Keys.ADMIN_TOKEN)`, name: 'a class constant holding a random-looking token is a secret' },
    { ...py(`class Guard:\n    def __init__(self, secret):\n        self.secret = secret\n    def allowed(self, token):\n        return token == self.secret`), errors: [{ line: 5 }], output: `import hmac\nclass Guard:\n    def __init__(self, secret):\n        self.secret = secret\n    def allowed(self, token):\n        return hmac.compare_digest(token, self.secret)`, name: 'a parameter compared with a configured attribute' },
    { ...py(`class Guard:\n    def __init__(self, secret):\n        self.secret_token = secret\n    def allowed(self, token):\n        self.token = token\n        return self.token == self.secret_token`), errors: [{ line: 6 }], output: `import hmac\nclass Guard:\n    def __init__(self, secret):\n        self.secret_token = secret\n    def allowed(self, token):\n        self.token = token\n        return hmac.compare_digest(self.token, self.secret_token)`, name: 'an attribute the comparing method sets from its parameter' },
    { ...py(`class Guard:\n    def __init__(self, secret):\n        self.secret_token = secret\n    def accept(self, token):\n        self.token = token\n    def allowed(self):\n        return self.token == self.secret_token`), errors: [{ line: 7 }], output: `import hmac\nclass Guard:\n    def __init__(self, secret):\n        self.secret_token = secret\n    def accept(self, token):\n        self.token = token\n    def allowed(self):\n        return hmac.compare_digest(self.token, self.secret_token)`, name: 'an attribute a setter takes from its parameter' },
    { ...py(`class Guard:\n    def __init__(self, request, secret):\n        self.token = request.headers["X-Token"]\n        self.secret_token = secret\n    def allowed(self):\n        return self.token == self.secret_token`), errors: [{ line: 6 }], output: `import hmac\nclass Guard:\n    def __init__(self, request, secret):\n        self.token = request.headers["X-Token"]\n        self.secret_token = secret\n    def allowed(self):\n        return hmac.compare_digest(self.token, self.secret_token)`, name: 'an attribute read from the request' },
    { ...py(`class Guard:\n    def __init__(self, secret):\n        self.secret_token = secret\n    def allowed(self, token):\n        return token is self.secret_token or token is Guard.secret_token`), errors: [{ line: 5 }, { line: 5 }], name: 'a parameter compared by identity with a configured attribute' },
  ],
});

// Real-code set five (rotki): a token the file types or makes as an on-chain asset is compared to
// tell which currency it is, and the first topic of an EVM event log is the event's kind (the hash of
// its declaration, public on the chain). A token typed as a string, an attribute some class declares
// as one, and a log's other topics (indexed arguments) are still compared as secrets.
const STILL_SECRETS = `from dataclasses import dataclass
from flask import request
from wallet.assets import EvmToken
@dataclass
class Session:
    token: str
class Holding:
    token: EvmToken
def check(token: str, secret_token, session: Session, tx_log, expected_signature):
    if token == secret_token:
        return 1
    if session.token == request.headers["X-Token"]:
        return 2
    if tx_log.topics[1] == expected_signature:
        return 3
    if request.headers["X-Signature"] == SWAP_SIGNATURE:
        return 4`;

ruleTester('timing-unsafe-comparison', {
  valid: [
    { ...py(`from typing import NamedTuple
from wallet.assets import EvmToken
SWAP_SIGNATURE = b'\\xd7\\x8a\\xd9\\x5f\\xa4\\x6c\\x99\\x4b\\x6c\\xd3\\xee\\xd1'
class PoolPrice(NamedTuple):
    token_0: EvmToken
    token_1: 'EvmToken'
def price(from_token: EvmToken, to_token: 'EvmToken | None', pools: list[PoolPrice]):
    if from_token == to_token:
        return 1
    if pools[0].token_0 != from_token:
        return 2
    for pos, item in enumerate(pools):
        if item.token_0 != pools[pos - 1].token_1:
            return 3
class Decoder:
    def decode(self, context, tx_log, address):
        output_token = self.base.get_or_create_evm_token(address=address)
        if output_token == WETH_BY_CHAIN.get(self.chain_id):
            return 4
        if context.tx_log.topics[0] == SWAP_SIGNATURE or tx_log.topics[0] != self.deposit_signature:
            return 5
        if tx_log['topics'][0] == TRANSFER_SIGNATURE:
            return 6`), name: 'tokens typed or made as on-chain assets; the first topic of an event log' },
  ],
  invalid: [
    { ...py(STILL_SECRETS), errors: [{ line: 10 }, { line: 12 }, { line: 14 }, { line: 16 }], output: `import hmac\n${STILL_SECRETS.replace('if token == secret_token:', 'if hmac.compare_digest(token, secret_token):')}`, name: 'a token typed as a string, an attribute one class declares as a string, a later topic' },
  ],
});
