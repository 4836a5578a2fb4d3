import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'worker.py' });

ruleTester('ack-before-processing', {
  valid: [
    { ...py(`import aio_pika\nasync def drain(queue):\n    async with queue.iterator() as messages:\n        async for message in messages:\n            await handle(json.loads(message.body))\n            await message.ack()`), name: 'an aio-pika iterator opened with async with: ack after the work' },
    py(`import pika, json\ndef on_message(ch, method, properties, body):\n    process(json.loads(body))\n    ch.basic_ack(delivery_tag=method.delivery_tag)\nchannel.basic_consume(queue="orders", on_message_callback=on_message)`),
    py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    finally:\n        ch.basic_ack(delivery_tag=method.delivery_tag)\nchannel.basic_consume(queue="orders", on_message_callback=on_message)`),
    { ...py(`from kafka import KafkaConsumer\nconsumer = KafkaConsumer("orders")\nfor msg in consumer:\n    process(msg.value)`), name: 'Kafka auto-commit is not reported' },
    { ...py(`import aio_pika\nasync def on_message(message):\n    async with message.process():\n        await handle(message.body)\nasync def main(queue):\n    await queue.consume(on_message)`), name: 'aio-pika message.process()' },
    py(`import boto3\nsqs = boto3.client("sqs")\nresp = sqs.receive_message(QueueUrl=URL)\nfor m in resp.get("Messages", []):\n    handle(m["Body"])\n    sqs.delete_message(QueueUrl=URL, ReceiptHandle=m["ReceiptHandle"])`),
    { ...py(`import boto3\nsqs = boto3.client("sqs")\nresp = sqs.receive_message(QueueUrl=URL)\nfor m in resp["Messages"]:\n    handle(m["Body"])\n    sqs.delete_message(QueueUrl=URL, ReceiptHandle=m["ReceiptHandle"])\n    handle_id = m["ReceiptHandle"]\n    sns.publish(TopicArn=ARN, Message=m["MessageId"])\n    print("deleted", handle_id)`), name: "an SQS message's id and receipt handle read after the delete are no content" },
    { ...py(`import boto3\nqueue = boto3.resource("sqs").Queue(URL)\nfor message in queue.receive_messages():\n    handle(message.body)\n    message.delete()\n    log.info("done %s", message.message_id)`), name: "a resource message's id read after the delete is no content" },
  ],
  invalid: [
    { ...py(`import aio_pika\nasync def drain(queue):\n    async with queue.iterator() as messages:\n        async for message in messages:\n            await message.ack()\n            await handle(json.loads(message.body))`), errors: [{ line: 5 }], name: 'an aio-pika iterator opened with async with: ack before the work' },
    { ...py(`import pika\ndef on_message(ch, method, properties, body):\n    process(body)\nchannel.basic_consume(queue="orders", on_message_callback=on_message, auto_ack=True)`), errors: [{ line: 4, message: /^`auto_ack=True` acks each message on delivery/ }] },
    { ...py(`import pika, json\ndef on_message(ch, method, properties, body):\n    ch.basic_ack(delivery_tag=method.delivery_tag)\n    order = json.loads(body)\n    save(order)\nchannel.basic_consume(queue="orders", on_message_callback=on_message)`), errors: [{ line: 3, message: /^ch\.basic_ack\(\) acknowledges before processing/ }] },
    { ...py(`import boto3\nsqs = boto3.client("sqs")\nresp = sqs.receive_message(QueueUrl=URL)\nfor m in resp["Messages"]:\n    sqs.delete_message(QueueUrl=URL, ReceiptHandle=m["ReceiptHandle"])\n    handle(m["Body"])`), errors: [{ line: 5 }] },
    { ...py(`import boto3\nsqs = boto3.client("sqs")\nresp = sqs.receive_message(QueueUrl=URL)\nfor m in resp["Messages"]:\n    sqs.delete_message(QueueUrl=URL, ReceiptHandle=m["ReceiptHandle"])\n    sns.publish(TopicArn=ARN, Message=m.get("Body"))`), errors: [{ line: 5 }], name: 'm.get("Body") after the delete is content' },
    { ...py(`import boto3\nsqs = boto3.client("sqs")\nresp = sqs.receive_message(QueueUrl=URL)\nfor m in resp["Messages"]:\n    sqs.delete_message(QueueUrl=URL, ReceiptHandle=m["ReceiptHandle"])\n    process(m)`), errors: [{ line: 5 }], name: 'the whole SQS message handed on after the delete' },
    { ...py(`from google.cloud import pubsub_v1\ndef callback(message):\n    message.ack()\n    store(message.data)\nsubscriber.subscribe(path, callback=callback)`), errors: [{ line: 3 }] },
    { ...py(`import aio_pika\nasync def main(queue):\n    await queue.consume(on_message, no_ack=True)\nasync def on_message(message):\n    await handle(message.body)`), errors: [{ line: 3 }] },
  ],
});
