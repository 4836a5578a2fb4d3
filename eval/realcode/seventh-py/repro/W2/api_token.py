# W2 (wrong): the secret is built from configuration; "string:" is a type tag, not a credential.
# Contract: a credential-named binding "given a string literal value"; Python near misses:
# "interpolating f-strings" (a `+` with a configuration value is the same) (ckan ckan/lib/api_token.py:39).
from ckan.common import config


def _get_secret(encode):
    secret = config.get("api_token.jwt.encode.secret" if encode else "api_token.jwt.decode.secret")
    if not secret:
        secret = u"string:" + config.get("beaker.session.secret")
    return secret.split(u":", 1)
