import json
import logging
import os

import boto3

from jobs import run_job

log = logging.getLogger(__name__)
sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
sns = boto3.client("sns")
QUEUE_URL = os.environ["JOBS_QUEUE_URL"]


def poll_forever() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                job = json.loads(m["Body"])
                run_job(job)
            except Exception:  # expect: swallowed-message-error
                log.exception("job failed")
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


def poll_once() -> None:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10)
    for m in resp.get("Messages", []):
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])  # expect: ack-before-processing
        run_job(json.loads(m["Body"]))


def poll_safely() -> None:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    for m in resp["Messages"]:
        try:
            run_job(json.loads(m["Body"]))
        except Exception:
            log.exception("job failed, leaving it for the redrive policy")
            continue
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])
        sns.publish(TopicArn=os.environ["DONE_TOPIC_ARN"], Message=m["MessageId"])


def poll_resource() -> None:
    queue = boto3.resource("sqs").Queue(QUEUE_URL)
    for message in queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20):
        message.delete()  # expect: ack-before-processing
        run_job(json.loads(message.body))
