# DE: comparisons outside any authentication path.
import pyotp


class CSRF_Token:
    # the request check elsewhere uses constant_time_compare (liberapay security/csrf.py:38, 41)
    def __init__(self):
        self._token = None

    def __eq__(self, other):
        return self._token == other


def clean_token(cleaned_data):
    # TOTP enrolment: the user submits the secret and the code together (Mayan-EDMS authentication_otp/forms.py:150)
    secret = cleaned_data['secret']
    token = cleaned_data['token']
    if token.strip() != pyotp.TOTP(secret).now():
        raise ValueError('Token is incorrect for the specified secret.')


def rotate(self, session):
    # a random-generator collision check on two app-generated secrets (liberapay models/participant.py:597)
    if self.session.secret == session.secret:
        return False
    return True
