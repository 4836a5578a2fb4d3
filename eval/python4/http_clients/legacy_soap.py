"""SOAP client for the freight carrier's legacy booking endpoint."""
import http.client
import os
import ssl
import urllib.request
from xml.etree import ElementTree as ET

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
CARRIER_NS = "http://carrier.example.net/booking/v1"
CARRIER_HOST = "booking.freight-carrier.com"
CARRIER_WSDL = "http://booking.freight-carrier.com/BookingService?wsdl"  # expect: insecure-transport


def carrier_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if os.environ.get("CARRIER_SELF_SIGNED") == "1":
        ctx.check_hostname = False  # expect: tls-verification-disabled
        ctx.verify_mode = ssl.CERT_NONE  # expect: tls-verification-disabled
    return ctx


def book(envelope: bytes) -> ET.Element:
    conn = http.client.HTTPSConnection(CARRIER_HOST, context=carrier_context())  # expect: missing-timeout
    conn.request("POST", "/BookingService", body=envelope, headers={"Content-Type": "text/xml", "SOAPAction": "Book"})
    resp = conn.getresponse()
    return ET.fromstring(resp.read())


def cancel(envelope: bytes) -> ET.Element:
    conn = http.client.HTTPSConnection(CARRIER_HOST, timeout=20, context=carrier_context())
    conn.request("POST", "/BookingService", body=envelope, headers={"Content-Type": "text/xml", "SOAPAction": "Cancel"})
    return ET.fromstring(conn.getresponse().read())


def wsdl() -> bytes:
    with urllib.request.urlopen(CARRIER_WSDL, timeout=15) as resp:
        return resp.read()


def envelope(body: str) -> str:
    return f'<soap:Envelope xmlns:soap="{SOAP_ENV}" xmlns:c="{CARRIER_NS}"><soap:Body>{body}</soap:Body></soap:Envelope>'
