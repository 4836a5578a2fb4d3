import http.client
import ssl

import urllib3

SOAP_HOST = "soap.logistics-partner.com"
SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"


def envelope(body: str) -> str:
    return f'<soap:Envelope xmlns:soap="{SOAP_NS}"><soap:Body>{body}</soap:Body></soap:Envelope>'


def call_soap(action: str, body: str) -> bytes:
    conn = http.client.HTTPSConnection(SOAP_HOST)  # expect: missing-timeout
    conn.request("POST", "/ws/tracking", body=envelope(body), headers={"SOAPAction": action, "Content-Type": "text/xml"})
    return conn.getresponse().read()


def call_soap_bounded(action: str, body: str) -> bytes:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    conn = http.client.HTTPSConnection(SOAP_HOST, timeout=20, context=ctx)
    conn.request("POST", "/ws/tracking", body=envelope(body), headers={"SOAPAction": action})
    return conn.getresponse().read()


pool = urllib3.PoolManager(num_pools=4, retries=urllib3.Retry(total=3, backoff_factor=0.3))  # expect: missing-timeout
bounded_pool = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2.0, read=10.0), retries=False)


def track(number: str) -> dict:
    resp = pool.request("GET", f"https://{SOAP_HOST}/rest/track/{number}")
    return resp.json()  # expect: unchecked-response-status


def track_checked(number: str) -> dict:
    resp = bounded_pool.request("GET", f"https://{SOAP_HOST}/rest/track/{number}")
    if resp.status != 200:
        raise RuntimeError(f"tracking lookup failed: {resp.status}")
    return resp.json()
