import json

import pika

from .handlers import apply_change


def on_message(channel, method, properties, body):
    change = json.loads(body)
    try:
        apply_change(change)
    except ValueError:
        channel.basic_nack(method.delivery_tag)  # expect: poison-message-requeue
        return
    except KeyError:
        channel.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    except Exception:
        channel.basic_nack(method.delivery_tag, requeue=False)
        return
    channel.basic_ack(method.delivery_tag)


def on_channel_open(channel):
    channel.basic_consume("changes", on_message)


def main(url):
    params = pika.URLParameters(url)
    conn = pika.SelectConnection(params, on_open_callback=lambda c: c.channel(on_open_callback=on_channel_open))
    conn.ioloop.start()
