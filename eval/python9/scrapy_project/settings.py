# Scrapy settings for the listings crawler.
import os

BOT_NAME = "listings"
SPIDER_MODULES = ["listings.spiders"]
NEWSPIDER_MODULE = "listings.spiders"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
AUTOTHROTTLE_ENABLED = True

# Proxy provider (rotating residential); the password lives in the secret store in production.
PROXY_USER = os.environ.get("PROXY_USER", "listings")
PROXY_PASSWORD = os.environ.get("PROXY_PASSWORD", "")
PROXY_URL = "http://listings:r0tat1ng-Pr0xy@proxy.residential-proxies.example.com:8000"  # expect: hardcoded-credential

GEOCODER_KEY = os.environ.get("GEOCODER_KEY")
KAFKA_BROKERS = os.environ.get("KAFKA_BROKERS", "kafka:9092").split(",")
ZYTE_API_KEY = "3f9d2c7e1a8b4f6d9e0c2b5a7d1f4e8c"  # expect: hardcoded-credential

ITEM_PIPELINES = {
    "listings.pipelines.GeocodePipeline": 300,
    "listings.pipelines.KafkaPublishPipeline": 800,
    "listings.pipelines.PartnerMirrorPipeline": 900,
}

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": 110,
}

HTTPCACHE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# Local development overrides
if os.environ.get("LISTINGS_ENV") == "dev":
    HTTPCACHE_ENABLED = True
    PROXY_URL = "http://listings:listings@localhost:3128"
    CONCURRENT_REQUESTS = 2
