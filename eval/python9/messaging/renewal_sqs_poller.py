"""SQS poller that starts Temporal renewal workflows for subscriptions due today."""
import asyncio
import json
import logging
import os

import boto3
from temporalio.client import Client

log = logging.getLogger("renewal-poller")
sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
QUEUE_URL = os.environ["RENEWALS_QUEUE_URL"]
AUDIT_QUEUE_URL = os.environ["RENEWALS_AUDIT_QUEUE_URL"]
DLQ_URL = os.environ["RENEWALS_DLQ_URL"]


async def start_renewal(client, job):
    await client.start_workflow(
        "RenewalWorkflow", job, id=f"renewal-{job['subscription_id']}-{job['period']}", task_queue="renewals"
    )


async def poll(client):
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                job = json.loads(m["Body"])
                await start_renewal(client, job)
            except Exception:  # expect: swallowed-message-error
                log.exception("could not start renewal for %s", m["MessageId"])
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


async def poll_audit():
    while True:
        resp = sqs.receive_message(QueueUrl=AUDIT_QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            sqs.delete_message(QueueUrl=AUDIT_QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])  # expect: ack-before-processing
            record = json.loads(m["Body"])
            from billing.audit import store_audit_record

            store_audit_record(record)


async def poll_safely(client):
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                await start_renewal(client, json.loads(m["Body"]))
            except Exception:
                log.exception("renewal start failed; leaving %s for redelivery", m["MessageId"])
                continue
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


async def poll_with_dlq(client):
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                await start_renewal(client, json.loads(m["Body"]))
            except Exception:
                sqs.send_message(QueueUrl=DLQ_URL, MessageBody=m["Body"])
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


async def main():
    client = await Client.connect(os.environ.get("TEMPORAL_ADDRESS", "temporal.internal:7233"))
    await asyncio.gather(poll(client), poll_audit())


if __name__ == "__main__":
    asyncio.run(main())
