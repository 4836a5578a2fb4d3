# coding: utf-8
"""Configuration of the generated `ledger_client` package, filled from the environment by our wrapper."""
import copy
import logging
import os


class Configuration:
    _default = None

    def __init__(self, host=None, api_key=None, username=None, password=None, access_token=None):
        self.host = host or "https://ledger.payments-core.example.com/v2"
        self.api_key = api_key or {}
        self.api_key_prefix = {}
        self.username = username
        self.password = password
        self.access_token = access_token
        self.logger = logging.getLogger("ledger_client")
        self.verify_ssl = True
        self.ssl_ca_cert = None
        self.connection_pool_maxsize = 4
        self.connect_timeout = 3.0
        self.read_timeout = 20.0
        self.debug = False

    def auth_settings(self):
        return {
            "bearer": {
                "type": "bearer",
                "in": "header",
                "key": "Authorization",
                "value": f"Bearer {self.access_token}",
            }
        }

    def to_debug_report(self):
        self.logger.debug("ledger host %s, user %s", self.host, self.username)
        self.logger.debug("ledger access token %s", self.access_token)  # expect: secret-in-log
        return f"host={self.host} verify_ssl={self.verify_ssl}"

    @classmethod
    def get_default_copy(cls):
        if cls._default is None:
            return Configuration()
        return copy.deepcopy(cls._default)


def from_env():
    conf = Configuration(
        host=os.environ.get("LEDGER_HOST"),
        username=os.environ.get("LEDGER_USER", "svc-ledger"),
        password=os.environ.get("LEDGER_PASSWORD", "L3dger!Svc#2024"),  # expect: hardcoded-credential
        access_token=os.environ.get("LEDGER_ACCESS_TOKEN"),
    )
    conf.verify_ssl = os.environ.get("LEDGER_VERIFY_SSL", "true") != "false"
    conf.ssl_ca_cert = os.environ.get("LEDGER_CA_BUNDLE")
    return conf


def sandbox():
    conf = Configuration(host="https://sandbox.ledger.payments-core.example.com/v2")
    conf.api_key["ApiKeyAuth"] = os.environ.get("LEDGER_SANDBOX_KEY", "")
    conf.password = "YOUR_PASSWORD"
    return conf
