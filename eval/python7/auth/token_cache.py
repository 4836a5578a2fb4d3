import threading
import time

import requests

TOKEN_URL = "https://login.example-idp.com/oauth2/token"
CLIENT_ID = "svc-reporting"
CLIENT_SECRET = "Xk9#mP2$vL7qR4wZ"  # expect: hardcoded-credential


class TokenCache:
    def __init__(self, client_id, client_secret=None):
        self.client_id = client_id
        self.client_secret = client_secret
        self._token = None
        self._expires = 0
        self._lock = threading.Lock()

    def get(self):
        with self._lock:
            if self._token and time.time() < self._expires - 30:
                return self._token
            r = requests.post(TOKEN_URL, data={"grant_type": "client_credentials"}, auth=(self.client_id, self.client_secret))  # expect: missing-timeout
            payload = r.json()  # expect: unchecked-response-status
            self._token = payload["access_token"]
            self._expires = time.time() + payload["expires_in"]
            print(f"new access token {self._token}")  # expect: secret-in-log
            return self._token


cache = TokenCache(CLIENT_ID, CLIENT_SECRET)
