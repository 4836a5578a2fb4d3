"""HTTP/JSON gateway in front of the orders gRPC service."""
import logging

import grpc
import httpx
import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from google.protobuf.json_format import MessageToDict

from gateway.jwks import JWKS
from orders.v1 import orders_pb2, orders_pb2_grpc

logger = logging.getLogger("gateway")

app = FastAPI(title="orders-gateway")
channel = grpc.aio.insecure_channel("orders-service:50051")
stub = orders_pb2_grpc.OrdersStub(channel)

LEGACY_REST = httpx.AsyncClient(base_url="http://10.20.4.15:8080/api", timeout=10)  # expect: insecure-transport
SHIPPING_REST = httpx.AsyncClient(base_url="http://shipping.internal:8080", timeout=10)


def caller_claims(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ").strip()
    return jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified


def verified_claims(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ").strip()
    header = jwt.get_unverified_header(token)
    key = JWKS.get_signing_key(header["kid"]).key
    try:
        return jwt.decode(token, key, algorithms=["RS256"], audience="orders-gateway")
    except jwt.PyJWTError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc


@app.get("/v1/orders/{order_id}")
async def get_order(order_id: str, claims: dict = Depends(caller_claims)) -> dict:
    try:
        reply = await stub.GetOrder(orders_pb2.GetOrderRequest(id=order_id, tenant=claims["tenant"]), timeout=5)
    except grpc.aio.AioRpcError as exc:
        if exc.code() == grpc.StatusCode.NOT_FOUND:
            raise HTTPException(status_code=404) from exc
        raise
    return MessageToDict(reply)


@app.post("/v1/orders/{order_id}/cancel")
async def cancel_order(order_id: str, claims: dict = Depends(verified_claims)) -> dict:
    reply = await stub.CancelOrder(orders_pb2.CancelOrderRequest(id=order_id, actor=claims["sub"]), timeout=5)
    return MessageToDict(reply)


@app.get("/v1/legacy/orders/{order_id}")
async def legacy_order(order_id: str) -> dict:
    resp = await LEGACY_REST.get(f"/orders/{order_id}")
    return resp.json()  # expect: unchecked-response-status


@app.get("/v1/orders/{order_id}/shipment")
async def shipment(order_id: str) -> dict:
    resp = await SHIPPING_REST.get(f"/shipments/by-order/{order_id}")
    if resp.status_code == 404:
        raise HTTPException(status_code=404)
    resp.raise_for_status()
    return resp.json()


@app.on_event("shutdown")
async def close_clients() -> None:
    await LEGACY_REST.aclose()
    await SHIPPING_REST.aclose()
    await channel.close()
