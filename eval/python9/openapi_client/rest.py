# coding: utf-8
"""REST transport of the generated `ledger_client` package (OpenAPI Generator, python template)."""
import io
import json
import logging
import ssl

import urllib3

logger = logging.getLogger(__name__)


class RESTResponse(io.IOBase):
    def __init__(self, resp):
        self.urllib3_response = resp
        self.status = resp.status
        self.reason = resp.reason
        self.data = resp.data

    def getheaders(self):
        return self.urllib3_response.headers


class RESTClientObject:
    def __init__(self, configuration, pools_size=4, maxsize=None):
        if configuration.verify_ssl:
            cert_reqs = ssl.CERT_REQUIRED
        else:
            cert_reqs = ssl.CERT_NONE
        self.pool_manager = urllib3.PoolManager(
            num_pools=pools_size,
            maxsize=maxsize or configuration.connection_pool_maxsize,
            cert_reqs=cert_reqs,
            ca_certs=configuration.ssl_ca_cert,
            timeout=urllib3.Timeout(connect=configuration.connect_timeout, read=configuration.read_timeout),
        )

    def request(self, method, url, query_params=None, headers=None, body=None, _request_timeout=None):
        method = method.upper()
        headers = headers or {}
        timeout = None
        if _request_timeout:
            timeout = urllib3.Timeout(total=_request_timeout)
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            r = self.pool_manager.request(
                method, url, body=json.dumps(body) if body is not None else None,
                headers=headers, timeout=timeout,
            )
        else:
            r = self.pool_manager.request(method, url, fields=query_params, headers=headers, timeout=timeout)
        r = RESTResponse(r)
        if not 200 <= r.status <= 299:
            raise ApiException(http_resp=r)
        return r


class ApiException(Exception):
    def __init__(self, status=None, reason=None, http_resp=None):
        self.status = http_resp.status if http_resp else status
        self.reason = http_resp.reason if http_resp else reason
        self.body = http_resp.data if http_resp else None
        super().__init__(f"({self.status}) {self.reason}")


class LegacyRESTClientObject:
    """Kept for the v1 ledger endpoints, which sit behind a self-signed appliance."""

    def __init__(self, host):
        self.host = host
        self.pool_manager = urllib3.PoolManager(cert_reqs="CERT_NONE")  # expect: missing-timeout, tls-verification-disabled
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

    def get_json(self, path):
        r = self.pool_manager.request("GET", f"{self.host}{path}", timeout=5.0)
        return json.loads(r.data)  # expect: unchecked-response-status
