import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'auth.py' });

ruleTester('jwt-unverified', {
  valid: [
    py(`import jwt\nfrom flask import request\ndef me():\n    token = request.headers["Authorization"].split()[1]\n    return jwt.decode(token, KEY, algorithms=["HS256"])`),
    { ...py(`import jwt\nfrom flask import request\ndef me():\n    token = request.headers["Authorization"].split()[1]\n    header = jwt.get_unverified_header(token)\n    return jwt.decode(token, keys[header["kid"]], algorithms=["RS256"])`), name: 'get_unverified_header picks the key' },
    { ...py(`import jwt\ndef claims(tokens):\n    return jwt.decode(tokens["id_token"], options={"verify_signature": False})`), name: 'a token from an OAuth token response' },
    { ...py(`import jwt\nfrom flask import request\ndef me():\n    token = request.cookies.get("session")\n    unverified = jwt.decode(token, options={"verify_signature": False})\n    claims = jwt.decode(token, KEY, algorithms=["HS256"])\n    return claims`), name: 'verified in the same function' },
    { ...py(`import jwt\nfrom flask import request\ndef me():\n    return jwt.decode(request.args["t"], KEY, algorithms=["HS256"], options={"verify_exp": False})`), name: 'verify_exp is not the signature' },
    { ...py(`import jwt, httpx\nfrom flask import Flask, request\napp = Flask(__name__)\n@app.get("/sso/return")\ndef sso_return():\n    answer = httpx.post(TOKEN_ENDPOINT, data={"code": request.args["code"], "grant_type": "authorization_code"})\n    identity = jwt.decode(answer.json()["id_token"], options={"verify_signature": False})\n    return identity["sub"]`), name: 'a token from the OAuth token response, though the request sent the request code' },
    { ...py(`import jwt\ndef decode_token(tok):\n    return jwt.decode(tok, options={"verify_signature": False})\ndef refresh(store):\n    return decode_token(store.load("id_token"))`), name: 'a helper given a token from its own storage' },
  ],
  invalid: [
    { ...py(`import jwt\nfrom flask import Flask, request\napp = Flask(__name__)\ndef decode_token(tok):\n    return jwt.decode(tok, options={"verify_signature": False})\n@app.route("/me")\ndef me():\n    token = request.headers["Authorization"].split()[1]\n    return decode_token(token)`), errors: [{ line: 5, message: /^jwt\.decode trusts the request token without verifying it/ }], name: 'a request token passed to a helper of the file that decodes' },
    { ...py(`import jwt\ndef claims_of(raw):\n    tok = raw.split()[1]\n    return jwt.decode(tok, options={"verify_signature": False})\nclass Me:\n    def _claims(self, header):\n        return claims_of(header)\n    def get(self, request):\n        return self._claims(header=request.META["HTTP_AUTHORIZATION"])`), errors: [{ line: 4 }], name: 'passed on by a keyword through a method, two calls from the view' },
    { ...py(`from typing import Annotated\nimport jwt\nfrom fastapi import Depends\nfrom fastapi.security import HTTPBearer\nbearer = HTTPBearer()\ndef caller(credentials: Annotated[str, Depends(bearer)]):\n    return jwt.decode(credentials, options={"verify_signature": False})`), errors: [{ line: 7 }], name: 'a FastAPI dependency with an Annotated[..., Depends(scheme)] parameter' },
    { ...py(`import jwt\nfrom flask import request\ndef me():\n    token = request.headers["Authorization"].split()[1]\n    return jwt.decode(token, options={"verify_signature": False})`), errors: [{ line: 5, message: /^jwt\.decode trusts the request token without verifying it/ }] },
    { ...py(`import jwt\ndef me(request):\n    token = request.META["HTTP_AUTHORIZATION"][7:]\n    return jwt.decode(token, verify=False)`), errors: [{ line: 4 }] },
    { ...py(`import jwt\ndef parse(token):\n    return jwt.decode(token, KEY, algorithms=["HS256", "None"])`), errors: [{ line: 3, message: /accepts the 'none' algorithm/ }] },
    { ...py(`from jose import jwt\nfrom fastapi import Depends\nfrom fastapi.security import OAuth2PasswordBearer\noauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")\nasync def me(token: str = Depends(oauth2_scheme)):\n    return jwt.get_unverified_claims(token)`), errors: [{ line: 6 }] },
    { ...py(`import jwt\nfrom fastapi import Header\nasync def me(authorization: str = Header()):\n    return jwt.decode(authorization.removeprefix("Bearer "), options={"verify_signature": False})`), errors: [{ line: 4 }] },
  ],
});

// Blind set python7: a Django Channels consumer reads the websocket's query string, headers and
// cookies from `self.scope` (the contract's "a websocket query").
ruleTester('jwt-unverified', {
  valid: [
    { ...py(`import jwt\nfrom channels.generic.websocket import AsyncJsonWebsocketConsumer\nclass Feed(AsyncJsonWebsocketConsumer):\n    async def connect(self):\n        query = dict(p.split("=") for p in self.scope["query_string"].decode().split("&") if p)\n        claims = jwt.decode(query["token"], KEY, algorithms=["RS256"])\n        room = jwt.decode(self.scope["url_route"]["kwargs"]["room"], options={"verify_signature": False})`), name: 'a verified decode of the query, and an unverified one of a route value that is no token source' },
    { ...py(`import jwt\nclass Job:\n    def run(self):\n        return jwt.decode(self.scope["headers"], options={"verify_signature": False})`), name: 'self.scope outside a Channels file is no request' },
  ],
  invalid: [
    { ...py(`import jwt\nfrom channels.generic.websocket import AsyncJsonWebsocketConsumer\nclass Notifications(AsyncJsonWebsocketConsumer):\n    async def connect(self):\n        query = dict(p.split("=") for p in self.scope["query_string"].decode().split("&") if p)\n        token = query.get("token")\n        claims = jwt.decode(token, options={"verify_signature": False})\n        await self.accept()\nclass Chat(AsyncJsonWebsocketConsumer):\n    async def connect(self):\n        headers = dict(self.scope["headers"])\n        return jwt.decode(headers[b"authorization"].split()[1], options={"verify_signature": False})\n    async def receive(self):\n        return jwt.decode(self.scope["cookies"]["jwt"], options={"verify_signature": False})`), errors: [{ line: 7 }, { line: 12 }, { line: 14 }], name: 'a token from the query string, the headers and the cookies of the scope, decoded unverified' },
  ],
});
