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
  ],
  invalid: [
    { ...py(`import hashlib\nfrom django.conf import settings\ndef check_api_key(request):\n    provided = request.headers.get("X-Api-Key", "")\n    return hashlib.sha256(provided.encode()).hexdigest() == settings.API_KEY_SHA256`), errors: [{ line: 5 }], output: `import hmac\nimport hashlib\nfrom django.conf import settings\ndef check_api_key(request):\n    provided = request.headers.get("X-Api-Key", "")\n    return hmac.compare_digest(hashlib.sha256(provided.encode()).hexdigest(), settings.API_KEY_SHA256)`, name: 'a digest of request input compared with a setting' },
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
  ],
});
