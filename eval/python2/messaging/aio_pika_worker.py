"""Async fulfilment worker (aio-pika)."""
import asyncio
import json
import logging

import aio_pika
from aio_pika.abc import AbstractIncomingMessage

from fulfil.export import export_order
from fulfil.invoices import RenderError, render_invoice
from fulfil.metrics import record_metric
from fulfil.refunds import RefundError, process_refund
from fulfil.reports import build_report
from fulfil.service import fulfil
from fulfil.settings import settings
from fulfil.sync import SyncError, sync_stock

logger = logging.getLogger(__name__)


async def on_order(message: AbstractIncomingMessage) -> None:
    async with message.process():
        order = json.loads(message.body)
        await fulfil(order)


async def on_invoice(message: AbstractIncomingMessage) -> None:
    try:
        await render_invoice(json.loads(message.body))
    except RenderError:
        logger.exception("invoice render failed")
        await message.nack()  # expect: poison-message-requeue
        return
    await message.ack()


async def on_refund(message: AbstractIncomingMessage) -> None:
    try:
        await process_refund(json.loads(message.body))
    except RefundError:
        logger.exception("refund failed, dead-lettering")
        await message.reject()
        return
    await message.ack()


async def on_stock(message: AbstractIncomingMessage) -> None:
    try:
        await sync_stock(json.loads(message.body))
    except SyncError:
        if message.redelivered:
            await message.reject()
        else:
            await message.reject(requeue=True)
        return
    await message.ack()


async def on_export(message: AbstractIncomingMessage) -> None:
    await message.ack()  # expect: ack-before-processing
    await export_order(json.loads(message.body))


async def on_report(message: AbstractIncomingMessage) -> None:
    async with message.process(requeue=True):  # expect: poison-message-requeue
        await build_report(json.loads(message.body))


async def on_metric(message: AbstractIncomingMessage) -> None:
    await record_metric(json.loads(message.body))


async def main() -> None:
    connection = await aio_pika.connect_robust(settings.AMQP_URL)
    async with connection:
        channel = await connection.channel()
        await channel.set_qos(prefetch_count=20)
        orders = await channel.declare_queue("orders", durable=True)
        await orders.consume(on_order)
        invoices = await channel.declare_queue("invoices", durable=True)
        await invoices.consume(on_invoice)
        refunds = await channel.declare_queue("refunds", durable=True)
        await refunds.consume(on_refund)
        await (await channel.declare_queue("stock")).consume(on_stock)
        await (await channel.declare_queue("exports")).consume(on_export)
        await (await channel.declare_queue("reports")).consume(on_report)
        metrics = await channel.declare_queue("metrics")
        await metrics.consume(on_metric, no_ack=True)  # expect: ack-before-processing
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
