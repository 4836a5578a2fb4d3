"""gRPC servicer that bridges the Quotes service to the legacy REST pricing engine."""
import logging
import time
from concurrent import futures

import grpc
import requests

import quotes_pb2
import quotes_pb2_grpc

log = logging.getLogger("quotes-bridge")

PRICING_URL = "https://pricing.legacy.example.com/rest/price"
pricing = requests.Session()


class QuotesServicer(quotes_pb2_grpc.QuotesServicer):
    def GetQuote(self, request, context):
        resp = pricing.post(PRICING_URL, json={"sku": request.sku, "qty": request.quantity})  # expect: missing-timeout
        if resp.status_code != 200:
            context.abort(grpc.StatusCode.UNAVAILABLE, "pricing engine error")
        body = resp.json()
        return quotes_pb2.Quote(sku=request.sku, price_cents=body["price_cents"])

    def StreamQuotes(self, request_iterator, context):
        for req in request_iterator:
            resp = pricing.get(PRICING_URL, params={"sku": req.sku}, timeout=2)
            yield quotes_pb2.Quote(sku=req.sku, price_cents=resp.json()["price_cents"])  # expect: unchecked-response-status

    def Reprice(self, request, context):
        delay = 0.2
        for attempt in range(5):
            try:
                resp = pricing.put(f"{PRICING_URL}/{request.sku}", json={"base": request.base}, timeout=3)
                resp.raise_for_status()
                return quotes_pb2.RepriceReply(ok=True)
            except requests.RequestException as exc:
                log.warning("reprice attempt %d: %s", attempt, exc)
                time.sleep(delay)
                delay *= 2
        context.abort(grpc.StatusCode.UNAVAILABLE, "pricing engine unavailable")

    def Health(self, request, context):
        while True:  # expect: unbounded-retry, retry-without-backoff
            try:
                r = pricing.get(f"{PRICING_URL}/health", timeout=1)
                r.raise_for_status()
                return quotes_pb2.HealthReply(status="SERVING")
            except requests.RequestException:
                log.info("pricing not healthy yet")


def serve(port=50051):
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    quotes_pb2_grpc.add_QuotesServicer_to_server(QuotesServicer(), server)
    server.add_insecure_port(f"[::]:{port}")
    server.start()
    server.wait_for_termination()
