import asyncio
import json
import logging
import os

import aio_pika

from billing import ValidationError, build_report, export, import_rows, notify, record_audit, settle

log = logging.getLogger(__name__)


async def on_payment(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    async with message.process():
        payment = json.loads(message.body)
        await settle(payment)


async def on_notification(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    await message.ack()  # expect: ack-before-processing
    await notify(json.loads(message.body))


async def on_import(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    try:
        await import_rows(json.loads(message.body))
    except ValidationError:
        await message.reject()
    except Exception:
        log.exception("import failed")
        await message.nack()  # expect: poison-message-requeue
    else:
        await message.ack()


async def on_report(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    async with message.process(requeue=True):  # expect: poison-message-requeue
        await build_report(json.loads(message.body))


async def on_audit(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    await record_audit(json.loads(message.body))


async def drain_exports(channel: aio_pika.abc.AbstractChannel) -> None:
    queue = await channel.declare_queue("exports", durable=True)
    async with queue.iterator() as messages:
        async for message in messages:
            try:
                await export(json.loads(message.body))
            except Exception:  # expect: swallowed-message-error
                log.exception("export failed")
            await message.ack()


async def publish_events(channel: aio_pika.abc.AbstractChannel, events: list[dict]) -> None:
    exchange = await channel.declare_exchange("events", aio_pika.ExchangeType.TOPIC, durable=True)
    for event in events:
        exchange.publish(aio_pika.Message(body=json.dumps(event).encode()), routing_key=event["type"])  # expect: unawaited-publish
    await exchange.publish(aio_pika.Message(body=b"batch-done"), routing_key="batch.done")
    await asyncio.gather(
        *(channel.default_exchange.publish(aio_pika.Message(body=json.dumps(e).encode()), routing_key="audit") for e in events)
    )


async def main() -> None:
    connection = await aio_pika.connect_robust(os.environ["AMQP_URL"])
    channel = await connection.channel()
    await channel.set_qos(prefetch_count=20)
    await (await channel.declare_queue("payments", durable=True)).consume(on_payment)
    await (await channel.declare_queue("notifications", durable=True)).consume(on_notification)
    await (await channel.declare_queue("imports", durable=True)).consume(on_import)
    await (await channel.declare_queue("reports", durable=True)).consume(on_report)
    audit = await channel.declare_queue("audit")
    await audit.consume(on_audit, no_ack=True)  # expect: ack-before-processing
    await drain_exports(channel)


if __name__ == "__main__":
    asyncio.run(main())
