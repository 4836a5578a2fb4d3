"""Transactional-outbox relay: moves committed events from Postgres to SQS (aiobotocore)."""
import asyncio
import json
import logging

from aiobotocore.session import get_session

from outbox.db import mark_sent, pending_events
from outbox.settings import QUEUE_URL, REGION

log = logging.getLogger(__name__)
HEARTBEAT = json.dumps({"type": "heartbeat"})


async def relay_once(client) -> int:
    sent = 0
    for event in await pending_events(limit=100):
        await client.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps(event.payload))
        await mark_sent(event.id)
        sent += 1
    return sent


async def run() -> None:
    session = get_session()
    delay = 1
    while True:  # expect: unbounded-retry
        try:
            async with session.create_client("sqs", region_name=REGION) as client:
                delay = 1
                while True:
                    if await relay_once(client) == 0:
                        client.send_message(QueueUrl=QUEUE_URL, MessageBody=HEARTBEAT)  # expect: unawaited-publish
                        await asyncio.sleep(5)
        except Exception:
            log.exception("relay failed, restarting in %ss", delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 120)


if __name__ == "__main__":
    asyncio.run(run())
