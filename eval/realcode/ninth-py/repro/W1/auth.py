# W1 (wrong): the token is compared with a constant that holds a public, non-secret literal: the word
# the frontend sends to connect anonymously. Contract 1.4 timing-unsafe-comparison: "Not reported when
# either operand is ... a literal that is not itself a secret". (baserow backend/src/baserow/ws/auth.py:29;
# line 12 is the DD hardcoded-credential finding on the same constant.)
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

ANONYMOUS_USER_TOKEN = "anonymous"


def get_user(token, get_user_from_token, anonymous_user):
    anonymous = token == ANONYMOUS_USER_TOKEN
    if anonymous:
        return anonymous_user
    try:
        return get_user_from_token(token)
    except (TokenError, InvalidToken):
        return None
