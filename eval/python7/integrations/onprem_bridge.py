import http.client
import json
import os
import ssl
import urllib.request

import websocket

os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: tls-verification-disabled
os.environ.setdefault("REQUESTS_CA_BUNDLE", "")

ctx = ssl.create_default_context()
ctx.check_hostname = False  # expect: tls-verification-disabled
ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled

strict_ctx = ssl.create_default_context(cafile="/etc/acme/ca.pem")


def query_plc(host, register):
    conn = http.client.HTTPSConnection(host, context=ctx)  # expect: missing-timeout
    conn.request("GET", f"/registers/{register}")
    return json.loads(conn.getresponse().read())


def query_historian(host, tag):
    conn = http.client.HTTPSConnection(host, timeout=10, context=strict_ctx)
    conn.request("GET", f"/tags/{tag}")
    return json.loads(conn.getresponse().read())


def stream_alarms(url, on_alarm):
    ws = websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_NONE}, timeout=10)  # expect: tls-verification-disabled
    while ws.connected:
        on_alarm(json.loads(ws.recv()))


def fetch_legacy_report(url):
    legacy = ssl._create_unverified_context()  # expect: tls-verification-disabled
    with urllib.request.urlopen(url, context=legacy, timeout=15) as resp:
        return json.loads(resp.read())
