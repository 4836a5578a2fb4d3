"""Nightly exchange-rate import. Runs as a cron script; the process-wide socket timeout bounds every call."""
import csv
import io
import socket
import sys
from urllib.request import urlopen

socket.setdefaulttimeout(15)

RATES_CSV = "https://www.ecb-rates-mirror.eu/eurofxref/eurofxref.csv"


def load_rates() -> dict[str, float]:
    with urlopen(RATES_CSV) as resp:
        text = resp.read().decode("utf-8")
    reader = csv.DictReader(io.StringIO(text), skipinitialspace=True)
    row = next(reader)
    return {k.strip(): float(v) for k, v in row.items() if k.strip() and k.strip() != "Date" and v.strip()}


if __name__ == "__main__":
    rates = load_rates()
    for code, rate in sorted(rates.items()):
        sys.stdout.write(f"{code},{rate}\n")
