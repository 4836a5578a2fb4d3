"""RabbitMQ consumer that starts Scrapy crawls for jobs queued by the scheduler (pika, blocking)."""
import json
import logging
import subprocess

import pika

log = logging.getLogger("crawl-jobs")

params = pika.URLParameters("amqp://crawler:crawler@localhost:5672/%2F")
connection = pika.BlockingConnection(params)
channel = connection.channel()
channel.queue_declare(queue="crawl.jobs", durable=True)
channel.queue_declare(queue="crawl.recrawl", durable=True)
channel.basic_qos(prefetch_count=1)


def run_spider(job):
    args = ["scrapy", "crawl", job["spider"], "-a", f"start={job['start_url']}"]
    subprocess.run(args, check=True, timeout=3600)


def on_job(ch, method, properties, body):
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    job = json.loads(body)
    log.info("starting crawl %s", job["id"])
    run_spider(job)


def on_recrawl(ch, method, properties, body):
    try:
        job = json.loads(body)
        run_spider(job)
    except subprocess.CalledProcessError:
        log.exception("recrawl failed")
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_recrawl_counted(ch, method, properties, body):
    try:
        run_spider(json.loads(body))
    except subprocess.CalledProcessError:
        if method.redelivered:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_priority(ch, method, properties, body):
    try:
        run_spider(json.loads(body))
    except Exception:  # expect: swallowed-message-error
        log.exception("priority crawl failed; dropping")
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_consume(queue="crawl.jobs", on_message_callback=on_job)
channel.basic_consume(queue="crawl.recrawl", on_message_callback=on_recrawl)
channel.basic_consume(queue="crawl.recrawl.counted", on_message_callback=on_recrawl_counted)
channel.basic_consume(queue="crawl.priority", on_message_callback=on_priority)
channel.basic_consume(queue="crawl.audit", on_message_callback=lambda ch, m, p, b: log.info("audit %s", b), auto_ack=True)  # expect: ack-before-processing
channel.start_consuming()
