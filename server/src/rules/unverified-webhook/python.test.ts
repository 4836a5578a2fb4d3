import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string, filename = 'app.py') => ({ code, filename });

ruleTester('unverified-webhook', {
  valid: [
    py(`import stripe\nfrom flask import Flask, request\napp = Flask(__name__)\n@app.route("/webhooks/stripe", methods=["POST"])\ndef stripe_webhook():\n    event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], SECRET)\n    return "", 200`),
    py(`import hmac, hashlib\nfrom fastapi import FastAPI, Request, Header\napp = FastAPI()\n@app.post("/github/webhook")\nasync def hook(request: Request, x_hub_signature_256: str = Header()):\n    body = await request.body()\n    expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()\n    if not hmac.compare_digest(expected, x_hub_signature_256):\n        raise HTTPException(401)\n    return {}`),
    { ...py(`from fastapi import FastAPI, Depends\napp = FastAPI()\nasync def verify_signature(request):\n    ...\n@app.post("/webhooks/slack", dependencies=[Depends(verify_signature)])\nasync def slack_events(payload: dict):\n    return {}`), name: 'a FastAPI dependency that verifies' },
    { ...py(`from flask import Flask, request\napp = Flask(__name__)\ndef check_signature(req):\n    ...\n@app.post("/hooks/shopify")\ndef shopify():\n    check_signature(request)\n    return ""`), name: 'a helper named for it' },
    { ...py(`from svix.webhooks import Webhook\nfrom flask import Flask, request\napp = Flask(__name__)\n@app.post("/webhooks/clerk")\ndef clerk():\n    wh = Webhook(SECRET)\n    payload = wh.verify(request.data, request.headers)\n    return ""`), name: 'svix Webhook(secret).verify' },
    { ...py(`from flask import Flask\napp = Flask(__name__)\n@app.route("/webhooks/stripe")\ndef status():\n    return "ok"`), name: 'a GET route' },
    { ...py(`from flask import Flask\napp = Flask(__name__)\n@app.post("/orders")\ndef create_order():\n    return ""`), name: 'not a webhook' },
    { ...py(`from django.views.decorators.csrf import csrf_exempt\n@csrf_exempt\ndef partner_hook(request):\n    verify_signature(request)\n    return accept(request.body)`, 'integrations/partner_endpoints.py'), name: 'a Django view found by its decorator that verifies through a named helper' },
  ],
  invalid: [
    { ...py(`from flask import Flask, request\napp = Flask(__name__)\n\n@app.route("/webhooks/stripe", methods=["POST"])\ndef stripe_webhook():\n    event = request.get_json()\n    handle(event)\n    return "", 200`), errors: [{ line: 4, message: /^POST \/webhooks\/stripe does not verify the webhook signature/ }] },
    { ...py(`from fastapi import APIRouter, Request\nrouter = APIRouter()\n@router.post("/events")\nasync def github_hook(request: Request):\n    return await request.json()`), errors: [{ line: 3 }] },
    { ...py(`from fastapi import FastAPI, Header\napp = FastAPI()\n@app.post("/events")\nasync def events(payload: dict, stripe_signature: str = Header(None)):\n    return {}`), name: 'a provider signature header read but not checked', errors: [{ line: 3 }] },
    { ...py(`from django.views.decorators.csrf import csrf_exempt\nfrom django.http import HttpResponse\n@csrf_exempt\ndef stripe_webhook(request):\n    payload = request.body\n    return HttpResponse(status=200)`, 'payments/views.py'), errors: [{ line: 3 }] },
    { ...py(`from rest_framework.views import APIView\nclass GithubWebhookView(APIView):\n    def post(self, request):\n        return Response()`, 'hooks/api.py'), errors: [{ line: 3 }] },
    { ...py(`from starlette.routing import Route\nasync def receive(request):\n    return JSONResponse({})\nroutes = [Route("/webhook", receive, methods=["POST"])]`), errors: [{ line: 2 }] },
    { ...py(`from django.http import HttpResponse\nfrom django.views.decorators.http import require_http_methods\n@require_http_methods(["POST"])\ndef github_events(request):\n    if request.headers.get("X-Hub-Signature-256") is None:\n        return HttpResponse(status=400)\n    enqueue(request.body)\n    return HttpResponse()`, 'integrations/github_endpoints.py'), errors: [{ line: 3 }], name: 'a Django function view found by its decorator, outside views.py' },
  ],
});
