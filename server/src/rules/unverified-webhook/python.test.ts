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
    { ...py(`from fastapi import APIRouter, BackgroundTasks\nrouter = APIRouter(prefix="/households/webhooks")\n@controller(router)\nclass WebhookSettingsController(BaseUserController):\n    @router.post("")\n    def create_one(self, data: CreateWebhook):\n        return self.mixins.create_one(data)\n    @router.post("/{item_id}/test")\n    def test_one(self, item_id: str, bg_tasks: BackgroundTasks):\n        bg_tasks.add_task(send_test, item_id)`, 'app/routes/controller_webhooks.py'), name: 'webhook settings managed by a signed-in user (class-based controller)' },
    { ...py(`from fastapi import APIRouter, Depends\nrouter = APIRouter()\n@router.post("/webhooks")\nasync def create_webhook(body: WebhookIn, user: User = Depends(get_current_active_user)):\n    return save(body, user)`), name: 'a FastAPI current-user dependency' },
    { ...py(`from fastapi import APIRouter, Depends\nrouter = APIRouter(prefix="/admin/hooks", dependencies=[Depends(require_admin)])\n@router.post("")\nasync def add_hook(body: HookIn):\n    return save(body)`), name: 'an admin dependency on the router' },
    { ...py(`from flask import Blueprint, request\nfrom flask_login import login_required\nbp = Blueprint("hooks", __name__)\n@bp.post("/settings/webhooks")\n@login_required\ndef add_webhook():\n    return save(request.form)`), name: 'Flask login_required' },
    { ...py(`from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticated\nclass WebhookListView(APIView):\n    permission_classes = [IsAuthenticated]\n    def post(self, request):\n        return Response()`, 'hooks/api.py'), name: 'DRF IsAuthenticated' },
  ],
  invalid: [
    { ...py(`from fastapi import APIRouter, Depends\nrouter = APIRouter()\n@router.post("/webhooks/stripe")\nasync def stripe_events(payload: dict, db = Depends(get_db)):\n    return save(db, payload)`), errors: [{ line: 3 }], name: 'a dependency that signs in no one' },
    { ...py(`from fastapi import APIRouter, Depends, Header\nrouter = APIRouter()\n@router.post("/events")\nasync def events(payload: dict, user = Depends(get_current_user), x_hub_signature_256: str = Header()):\n    return save(payload)`), errors: [{ line: 3 }], name: 'a provider signature header read, whatever else the route asks' },
    { ...py(`from flask import Flask, request\napp = Flask(__name__)\n\n@app.route("/webhooks/stripe", methods=["POST"])\ndef stripe_webhook():\n    event = request.get_json()\n    handle(event)\n    return "", 200`), errors: [{ line: 4, message: /^POST \/webhooks\/stripe does not verify the webhook signature/ }] },
    { ...py(`from fastapi import APIRouter, Request\nrouter = APIRouter()\n@router.post("/events")\nasync def github_hook(request: Request):\n    return await request.json()`), errors: [{ line: 3 }] },
    { ...py(`from fastapi import FastAPI, Header\napp = FastAPI()\n@app.post("/events")\nasync def events(payload: dict, stripe_signature: str = Header(None)):\n    return {}`), name: 'a provider signature header read but not checked', errors: [{ line: 3 }] },
    { ...py(`from django.views.decorators.csrf import csrf_exempt\nfrom django.http import HttpResponse\n@csrf_exempt\ndef stripe_webhook(request):\n    payload = request.body\n    return HttpResponse(status=200)`, 'payments/views.py'), errors: [{ line: 3 }] },
    { ...py(`from rest_framework.views import APIView\nclass GithubWebhookView(APIView):\n    def post(self, request):\n        return Response()`, 'hooks/api.py'), errors: [{ line: 3 }] },
    { ...py(`from starlette.routing import Route\nasync def receive(request):\n    return JSONResponse({})\nroutes = [Route("/webhook", receive, methods=["POST"])]`), errors: [{ line: 2 }] },
  ],
});
