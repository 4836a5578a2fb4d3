"""TLS contexts for the SMTP relay, the LDAP bridge and the market-data socket."""
import os
import smtplib
import ssl
import urllib.request

import websocket

os.environ["PYTHONHTTPSVERIFY"] = "0"  # expect: tls-verification-disabled

ssl._create_default_https_context = ssl._create_unverified_context  # expect: tls-verification-disabled

RELAY_HOST = os.environ.get("SMTP_RELAY", "relay.acme-corp.com")
CORP_CA = "/etc/ssl/certs/acme-corp-root.pem"


def relay_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    return ctx


def ldap_context() -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(CORP_CA)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.check_hostname = True
    return ctx


def send_report(sender: str, to: str, body: str) -> None:
    with smtplib.SMTP(RELAY_HOST, 587, timeout=30) as smtp:
        smtp.starttls(context=relay_context())
        smtp.sendmail(sender, [to], body)


def fetch_directory_dump() -> bytes:
    ctx = ssl._create_unverified_context()  # expect: tls-verification-disabled
    with urllib.request.urlopen("https://ldap-bridge.acme-corp.com/dump", context=ctx, timeout=60) as resp:
        return resp.read()


def market_socket() -> websocket.WebSocket:
    ws = websocket.WebSocket(sslopt={"cert_reqs": ssl.CERT_NONE})  # expect: tls-verification-disabled
    ws.connect("wss://md.acme-corp.com/stream", timeout=10)
    return ws


def market_socket_verified() -> websocket.WebSocket:
    ws = websocket.WebSocket(sslopt={"cert_reqs": ssl.CERT_REQUIRED, "ca_certs": CORP_CA})
    ws.connect("wss://md.acme-corp.com/stream", timeout=10)
    return ws
