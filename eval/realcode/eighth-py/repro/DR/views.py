# DR: the compared secret was already verified before the `==` (warehouse accounts/views.py:1187,1367: the
# token passed itsdangerous signature verification in token_service.loads; oncall
# auth_token/models/plugin_auth_token.py:58: `==` runs only after compare_digest matched).
from hmac import compare_digest


def verify_invite(token_service, organization_invite, token):
    data = token_service.loads(token)
    if organization_invite.token != token:
        return None
    return data


def validate_token(auth_token, token, digest, recreated_token):
    if compare_digest(digest, auth_token.digest) and token == recreated_token:
        return auth_token
    return None
