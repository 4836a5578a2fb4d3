"""aio-pika consumer for tenant lifecycle events; provisions resources and fans events out."""
import asyncio
import json
import logging
import os

import aio_pika

log = logging.getLogger("tenant-events")


async def provision(event):
    from tenants.provisioning import provision_tenant

    await provision_tenant(event["tenant_id"], event["plan"])


async def on_created(message: aio_pika.abc.AbstractIncomingMessage, exchange):
    try:
        event = json.loads(message.body)
        await provision(event)
        exchange.publish(  # expect: unawaited-publish
            aio_pika.Message(body=message.body, content_type="application/json"),
            routing_key="tenant.provisioned",
        )
        await message.ack()
    except Exception:
        log.exception("provisioning failed")
        await message.nack()  # expect: poison-message-requeue


async def on_plan_changed(message: aio_pika.abc.AbstractIncomingMessage, exchange):
    async with message.process(requeue=False):
        event = json.loads(message.body)
        await provision(event)
        await exchange.publish(aio_pika.Message(body=message.body), routing_key="tenant.plan-applied")


async def on_deleted(message: aio_pika.abc.AbstractIncomingMessage):
    await message.ack()  # expect: ack-before-processing
    event = json.loads(message.body)
    from tenants.provisioning import teardown_tenant

    await teardown_tenant(event["tenant_id"])


async def main():
    connection = await aio_pika.connect_robust(os.environ["AMQP_URL"])
    channel = await connection.channel()
    await channel.set_qos(prefetch_count=10)
    exchange = await channel.declare_exchange("tenants", aio_pika.ExchangeType.TOPIC, durable=True)
    created = await channel.declare_queue("tenants.created", durable=True)
    changed = await channel.declare_queue("tenants.plan-changed", durable=True)
    deleted = await channel.declare_queue("tenants.deleted", durable=True)
    metrics = await channel.declare_queue("tenants.metrics", durable=True)
    await created.consume(lambda m: on_created(m, exchange))
    await changed.consume(lambda m: on_plan_changed(m, exchange))
    await deleted.consume(on_deleted)
    await metrics.consume(lambda m: log.info("metric %s", m.body), no_ack=True)  # expect: ack-before-processing
    await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
