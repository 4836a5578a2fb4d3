import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'worker.py' });

ruleTester('poison-message-requeue', {
  valid: [
    py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)`),
    py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=not method.redelivered)`),
    py(`import pika\ndef on_message(ch, method, properties, body):\n    deaths = (properties.headers or {}).get("x-death", [])\n    try:\n        process(body)\n    except Exception:\n        if len(deaths) < 3:\n            ch.basic_nack(delivery_tag=method.delivery_tag)`),
    { ...py(`import aio_pika\nasync def on_message(message):\n    try:\n        await handle(message.body)\n    except Exception:\n        await message.reject()`), name: "aio-pika's reject does not requeue by default" },
    { ...py(`from google.cloud import pubsub_v1\ndef callback(message):\n    try:\n        handle(message.data)\n    except Exception:\n        message.nack()`), name: 'Pub/Sub nack (no aio-pika)' },
  ],
  invalid: [
    { ...py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        ch.basic_nack(delivery_tag=method.delivery_tag)`), errors: [{ line: 6, message: /^ch\.basic_nack\(\) requeues with no limit/ }] },
    { ...py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except ValueError:\n        ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)`), errors: [{ line: 6 }] },
    { ...py(`import aio_pika\nasync def on_message(message):\n    try:\n        await handle(message.body)\n    except Exception:\n        await message.nack()`), errors: [{ line: 6 }] },
    { ...py(`import aio_pika\nasync def on_message(message):\n    async with message.process(requeue=True):\n        await handle(message.body)`), errors: [{ line: 3 }] },
    { ...py(`from celery import shared_task\nfrom celery.exceptions import Reject\n@shared_task(acks_late=True)\ndef sync(order_id):\n    try:\n        run(order_id)\n    except Exception as exc:\n        raise Reject(exc, requeue=True)`), errors: [{ line: 8 }] },
  ],
});
