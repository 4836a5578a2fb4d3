"""manage.py import_erp_feed: nightly XML product feed from the ERP."""
import urllib.request
import xml.etree.ElementTree as ET

from django.core.management.base import BaseCommand

from shop.catalogue.models import Product

FEED_URL = "http://erp.legacy-partner.com/export/products.xml"  # expect: insecure-transport
PRICES_URL = "https://erp.legacy-partner.com/export/prices.xml"
NS = {"p": "http://schemas.legacy-partner.com/products/2019"}


class Command(BaseCommand):
    help = "Import the ERP product feed"

    def handle(self, *args, **options):
        with urllib.request.urlopen(FEED_URL) as resp:  # expect: missing-timeout
            tree = ET.parse(resp)
        for node in tree.getroot().findall("p:product", NS):
            Product.objects.update_or_create(sku=node.findtext("p:sku", namespaces=NS))
        with urllib.request.urlopen(PRICES_URL, timeout=30) as resp:
            prices = ET.parse(resp)
        self.stdout.write(f"imported {len(prices.getroot())} prices")
