# W2 (wrong): the receiver verifies the body's signature before acting, through a verifier object's
# `verify(payload=..., key_id=..., signature=...)`; python contract, unverified-webhook "Verified when
# ... a function whose name says it verifies a signature" (1.1: "wherever that function is defined"),
# the same shape as svix `Webhook(secret).verify(...)`. (warehouse integrations/vulnerabilities/osv/views.py:13)
from pyramid.httpexceptions import HTTPBadRequest
from pyramid.view import view_config

from .verifier import VulnerabilityReportVerifier


@view_config(require_methods=["POST"], require_csrf=False, renderer="json", route_name="osv.report")
def report_vulnerabilities(request):
    key_id = request.headers.get("VULN-PUBLIC-KEY-IDENTIFIER")
    signature = request.headers.get("VULN-PUBLIC-KEY-SIGNATURE")
    verifier = VulnerabilityReportVerifier(session=request.http)
    if not verifier.verify(payload=request.body, key_id=key_id, signature=signature):
        return HTTPBadRequest()
    for report in request.json_body:
        request.task("analyze").delay(report=report)
    return {"ok": True}
