"""Nightly rate archive; the whole process shares one socket timeout."""
import json
import socket
import urllib.request

socket.setdefaulttimeout(20)

ARCHIVE_URL = "https://fx.openrates.org/archive"


def month(year: int, month: int) -> dict:
    with urllib.request.urlopen(f"{ARCHIVE_URL}/{year}-{month:02d}.json") as resp:
        return json.load(resp)


def months(year: int) -> list[dict]:
    return [month(year, m) for m in range(1, 13)]
