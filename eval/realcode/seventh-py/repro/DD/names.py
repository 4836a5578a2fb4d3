# DD: credential-word names that hold no secret.
import logging

logger = logging.getLogger(__name__)
REGEX_PASSWORD = r"^[a-zA-Z0-9]{12,}$"          # a validation regex (IntelOwl intel_owl/consts.py:9)
_factories = {
    "api-token": "ckan.tests.factories:APIToken",   # a factory's dotted path (ckan ckan/cli/generate.py:232)
}


def dismissed(contact, token):
    # `token` is the hash of a banner message (DefectDojo dojo/context_processors.py:85)
    return (contact.user_state_details or {}).get("os_message_dismissed") == token


def recent(data, signature):
    # `signature` is a malware family name (IntelOwl ingestors/malware_bazaar.py:69)
    return [elem["sha256_hash"] for elem in data if elem["signature"] == signature]


def log_user_login_failed(sender, credentials, request, **kwargs):
    # logs the user name (DefectDojo dojo/utils.py:1958)
    if "username" in credentials:
        logger.warning("login failed for: %s via ip: %s", credentials["username"], request.META["REMOTE_ADDR"])
