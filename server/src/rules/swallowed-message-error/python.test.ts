import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'worker.py' });

ruleTester('swallowed-message-error', {
  valid: [
    py(`import pika, logging\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        logging.exception("failed")\n        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)\n        return\n    ch.basic_ack(delivery_tag=method.delivery_tag)\nchannel.basic_consume(queue="q", on_message_callback=on_message)`),
    py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n        ch.basic_ack(delivery_tag=method.delivery_tag)\n    except Exception:\n        log.exception("failed")\nchannel.basic_consume(queue="q", on_message_callback=on_message)`),
    { ...py(`import boto3\nsqs = boto3.client("sqs")\nfor m in sqs.receive_message(QueueUrl=URL)["Messages"]:\n    try:\n        handle(m["Body"])\n        sqs.delete_message(QueueUrl=URL, ReceiptHandle=m["ReceiptHandle"])\n    except Exception:\n        log.exception("will be redelivered")`), name: 'SQS deletes only after success' },
    { ...py(`def handler(event, context):\n    failures = []\n    for record in event["Records"]:\n        try:\n            handle(record["body"])\n        except Exception:\n            failures.append({"itemIdentifier": record["messageId"]})\n    return {"batchItemFailures": failures}`), name: 'Lambda reports batchItemFailures' },
    { ...py(`from kafka import KafkaConsumer\nconsumer = KafkaConsumer("orders")\nfor msg in consumer:\n    try:\n        metrics.incr("seen")\n    except Exception:\n        pass\n    process(msg.value)`), name: 'an except around an optional step' },
    { ...py(`from celery import shared_task\n@shared_task(bind=True, max_retries=5)\ndef sync(self, order_id):\n    try:\n        run(order_id)\n    except IOError as exc:\n        raise self.retry(exc=exc)`), name: 'a Celery task that retries' },
  ],
  invalid: [
    { ...py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        log.exception("failed")\n    ch.basic_ack(delivery_tag=method.delivery_tag)\nchannel.basic_consume(queue="q", on_message_callback=on_message)`), errors: [{ line: 5, message: /^This except swallows the processing error: the handler then acknowledges the message/ }] },
    { ...py(`from kafka import KafkaConsumer\nconsumer = KafkaConsumer("orders")\nfor msg in consumer:\n    try:\n        process(msg.value)\n    except Exception as e:\n        print(e)`), errors: [{ line: 6, message: /consumer commits its offset/ }] },
    { ...py(`def handler(event, context):\n    for record in event["Records"]:\n        try:\n            handle(record["body"])\n        except Exception:\n            log.exception("failed")`), errors: [{ line: 5, message: /batchItemFailures/ }] },
    { ...py(`from celery import shared_task\n@shared_task\ndef sync(order_id):\n    pass\n@shared_task(acks_late=True)\ndef charge(order_id):\n    try:\n        run(order_id)\n    except Exception:\n        log.exception("charge failed")`), errors: [{ line: 9, message: /task returns normally/ }] },
    { ...py(`import boto3\nsqs = boto3.client("sqs")\nfor m in sqs.receive_message(QueueUrl=URL)["Messages"]:\n    try:\n        handle(m["Body"])\n    except Exception:\n        pass\n    sqs.delete_message(QueueUrl=URL, ReceiptHandle=m["ReceiptHandle"])`), errors: [{ line: 6 }] },
  ],
});
