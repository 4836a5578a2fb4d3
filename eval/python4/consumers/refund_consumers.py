"""Refund request consumers: pika for the legacy queue, aio-pika for the new one."""
import json
import logging
import os

import aio_pika
import pika

from .refunds import RefundError, process_refund, validate_refund

logger = logging.getLogger(__name__)


def on_legacy_refund(ch, method, properties, body):
    request = json.loads(body)
    if not validate_refund(request):
        logger.warning("invalid refund request %s", request.get("id"))
        ch.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    try:
        process_refund(request)
    except RefundError:
        logger.exception("refund %s failed", request["id"])
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=not method.redelivered)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_legacy_refund_batch(ch, method, properties, body):
    try:
        for request in json.loads(body):
            process_refund(request)
    except RefundError:
        ch.basic_nack(delivery_tag=method.delivery_tag, multiple=False, requeue=True)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def run_legacy() -> None:
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = connection.channel()
    channel.basic_consume(queue="refunds.legacy", on_message_callback=on_legacy_refund)
    channel.basic_consume(queue="refunds.legacy.batch", on_message_callback=on_legacy_refund_batch)
    channel.start_consuming()


async def on_refund(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    request = json.loads(message.body)
    try:
        await process_refund(request)
    except RefundError:
        logger.exception("refund %s failed", request["id"])
        await message.reject(requeue=True)  # expect: poison-message-requeue
        return
    except ValueError:
        await message.reject()
        return
    await message.ack()


async def on_refund_audit(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    attempts = (message.headers or {}).get("x-delivery-count", 0)
    try:
        await process_refund(json.loads(message.body))
    except RefundError:
        if attempts >= 3:
            await message.reject(requeue=False)
        else:
            await message.nack(requeue=True)
        return
    await message.ack()


async def run() -> None:
    connection = await aio_pika.connect_robust(os.environ["AMQP_URL"])
    channel = await connection.channel()
    refunds = await channel.declare_queue("refunds", durable=True)
    audit = await channel.declare_queue("refunds.audit", durable=True)
    await refunds.consume(on_refund)
    await audit.consume(on_refund_audit)
