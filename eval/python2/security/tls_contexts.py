"""TLS helpers: the certificate-expiry probe, the legacy SOAP bridge and the mail relay."""
import datetime as dt
import smtplib
import socket
import ssl
import urllib.request

from bridge.config import settings


def days_until_expiry(host: str, port: int = 443) -> int:
    """Reads the peer certificate only; no application data is sent over this connection."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port), timeout=5) as sock:
        with ctx.wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    cert = ssl.DER_cert_to_PEM_cert(der)
    expires = settings.parse_not_after(cert)
    return (expires - dt.datetime.now(dt.timezone.utc)).days


def soap_call(action: str, envelope: bytes) -> bytes:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    req = urllib.request.Request(
        settings.SOAP_ENDPOINT,
        data=envelope,
        headers={"Content-Type": "text/xml", "SOAPAction": action},
    )
    with urllib.request.urlopen(req, context=ctx, timeout=30) as resp:
        return resp.read()


def relay_mail(message) -> None:
    context = ssl._create_unverified_context()  # expect: tls-verification-disabled
    with smtplib.SMTP(settings.RELAY_HOST, 587, timeout=20) as smtp:
        smtp.starttls(context=context)
        smtp.send_message(message)


def install_legacy_defaults() -> None:
    """Called by the bridge's CLI when --insecure is passed."""
    ssl._create_default_https_context = ssl._create_unverified_context  # expect: tls-verification-disabled
