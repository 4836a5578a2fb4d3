import json
import logging

import redis
import requests
from kombu import Connection, Exchange, Queue
from kombu.mixins import ConsumerMixin

log = logging.getLogger(__name__)
r = redis.Redis.from_url("redis://cache:6379/0")

task_queue = Queue("tasks", Exchange("tasks"), routing_key="tasks")


class Worker(ConsumerMixin):
    def __init__(self, connection):
        self.connection = connection

    def get_consumers(self, Consumer, channel):
        return [Consumer(queues=[task_queue], callbacks=[self.on_task])]

    def on_task(self, body, message):
        try:
            requests.post("https://jobs.example-corp.com/run", json=body, timeout=10).raise_for_status()
        except requests.RequestException:
            log.warning("job failed")
        message.ack()


def listen_invalidations():
    pubsub = r.pubsub()
    pubsub.subscribe("invalidate")
    for item in pubsub.listen():
        if item["type"] != "message":
            continue
        try:
            key = json.loads(item["data"])["key"]
            r.delete(key)
        except (ValueError, KeyError):
            log.warning("bad invalidation")


def announce(key):
    r.publish("invalidate", json.dumps({"key": key}))


if __name__ == "__main__":
    with Connection("amqp://guest:guest@rabbit.internal:5672//") as conn:
        Worker(conn).run()
