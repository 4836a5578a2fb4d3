"""Dispatch consumers: pika SelectConnection for courier assignments, aio-pika for ETA updates."""
import json
import logging

import aio_pika
import pika

log = logging.getLogger("dispatch")


def find_order(order_id):
    from dispatch.models import Order

    return Order.objects.filter(pk=order_id).first()


def on_assignment(ch, method, properties, body):
    assignment = json.loads(body)
    order = find_order(assignment["order_id"])
    if order is None:
        log.warning("unknown order %s", assignment["order_id"])
        ch.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    order.assign_courier(assignment["courier_id"])
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_assignment_counted(ch, method, properties, body):
    deaths = (properties.headers or {}).get("x-death", [])
    assignment = json.loads(body)
    order = find_order(assignment["order_id"])
    if order is None:
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=len(deaths) < 3)
        return
    order.assign_courier(assignment["courier_id"])
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_open_channel(channel):
    channel.basic_consume("dispatch.assignments", on_assignment)
    channel.basic_consume("dispatch.assignments.v2", on_assignment_counted)


async def on_eta(message: aio_pika.abc.AbstractIncomingMessage):
    try:
        update = json.loads(message.body)
        order = find_order(update["order_id"])
        order.set_eta(update["eta"])
        await message.ack()
    except Exception:
        log.exception("eta update failed")
        await message.reject(requeue=True)  # expect: poison-message-requeue


async def on_eta_dropped(message: aio_pika.abc.AbstractIncomingMessage):
    try:
        update = json.loads(message.body)
        find_order(update["order_id"]).set_eta(update["eta"])
        await message.ack()
    except Exception:
        log.exception("eta update failed, dead-lettering")
        await message.reject()


async def start_eta_consumer(url):
    connection = await aio_pika.connect_robust(url)
    channel = await connection.channel()
    queue = await channel.declare_queue("dispatch.eta", durable=True)
    dropped = await channel.declare_queue("dispatch.eta.v2", durable=True)
    await queue.consume(on_eta)
    await dropped.consume(on_eta_dropped)
    return connection


def run_assignments(url):
    params = pika.URLParameters(url)
    conn = pika.SelectConnection(params, on_open_callback=lambda c: c.channel(on_open_callback=on_open_channel))
    conn.ioloop.start()
