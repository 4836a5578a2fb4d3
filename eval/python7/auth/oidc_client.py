import httpx
import jwt
from jose import jwt as jose_jwt


class OidcClient:
    def __init__(self, issuer, client_id, client_secret):
        self.issuer = issuer
        self.client_id = client_id
        self.client_secret = client_secret
        self.http = httpx.Client(base_url=issuer, timeout=10)

    def exchange(self, code, redirect_uri):
        r = self.http.post("/token", data={"code": code, "redirect_uri": redirect_uri, "grant_type": "authorization_code"},
                           auth=(self.client_id, self.client_secret))
        r.raise_for_status()
        tokens = r.json()
        claims = jwt.decode(tokens["id_token"], options={"verify_signature": False})
        profile = jose_jwt.get_unverified_claims(tokens["access_token"])
        return claims, profile

    def refresh(self, refresh_token):
        r = self.http.post("/token", data={"grant_type": "refresh_token", "refresh_token": refresh_token},
                           auth=(self.client_id, "s3rv1ce-r3fr3sh-k3y"))  # expect: hardcoded-credential
        r.raise_for_status()
        return r.json()
