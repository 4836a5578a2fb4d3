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
    { ...py(`import ssl\nif purpose == ssl.Purpose.SERVER_AUTH:\n    pass`), name: 'an enum member is no secret' },
    { ...py(`from django.utils.crypto import constant_time_compare\nif constant_time_compare(token, expected_token):\n    pass`), name: "Django's constant_time_compare" },
    { ...py(`import os\nfrom django.conf import settings\nSHARED_TOKEN = os.getenv("SHARED_TOKEN")\ndef check_replicas():\n    if SHARED_TOKEN != settings.REPLICA_TOKEN:\n        raise RuntimeError("secrets differ")`), name: 'both sides from the service configuration (a start-up check)' },
  ],
  invalid: [
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
    { ...py(`if (\n    received_signature\n    == computed)`), errors: [{ line: 2 }], output: `import hmac\nif (\n    hmac.compare_digest(received_signature, computed))` },
  ],
});
