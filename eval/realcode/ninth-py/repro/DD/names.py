# DD: a credential-word name whose value is not a secret.
from loguru import logger

# a configuration key name (mathesar mathesar/utils/download_links.py:28)
PUBLIC_FORM_ACCESS_KEY = "public_form_access"

# a Django model label, "Token" is the model (baserow enterprise teams/handler.py:43)
SUBJECT_TYPE_TOKEN = "database.Token"


def user_info(jwt, id_token, key, client_id):
    # the decoded id_token claims (email, name, sub): no signature, nothing to replay
    # (baserow enterprise sso/oauth2/auth_provider_types.py:637)
    decoded_token = jwt.decode(id_token, key=key, algorithms=["RS256"], audience=client_id)
    logger.debug("OIDC decoded id_token: {0}", decoded_token)
    return decoded_token.get("email")
