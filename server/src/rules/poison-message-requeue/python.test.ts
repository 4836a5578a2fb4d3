import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'worker.py' });

ruleTester('poison-message-requeue', {
  valid: [
    py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)`),
    py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=not method.redelivered)`),
    py(`import pika\ndef on_message(ch, method, properties, body):\n    deaths = (properties.headers or {}).get("x-death", [])\n    try:\n        process(body)\n    except Exception:\n        if len(deaths) < 3:\n            ch.basic_nack(delivery_tag=method.delivery_tag)`),
    { ...py(`import aio_pika\nasync def on_message(message):\n    try:\n        await handle(message.body)\n    except Exception:\n        await message.reject()`), name: "aio-pika's reject does not requeue by default" },
    { ...py(`import pika\nclass Worker:\n    def handle(self, ch, method, props, body):\n        if self.closing:\n            ch.basic_reject(delivery_tag=method.delivery_tag)\n            return\n        try:\n            work(body)\n        except Exception:\n            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)`), name: 'a requeue while the consumer is closing' },
    { ...py(`import pika\ndef redeliveries(props):\n    return (props.headers or {}).get("x-death", [{}])[0].get("count", 0)\ndef handle(ch, method, props, body):\n    try:\n        work(body)\n    except Exception:\n        if redeliveries(props) < 5:\n            ch.basic_nack(delivery_tag=method.delivery_tag)\n        else:\n            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)`), name: 'a delivery count read through a helper of the file' },
    { ...py(`from google.cloud import pubsub_v1\ndef callback(message):\n    try:\n        handle(message.data)\n    except Exception:\n        message.nack()`), name: 'Pub/Sub nack (no aio-pika)' },
  ],
  invalid: [
    { ...py(`import pika\ndef on_message(ch, method, properties, body):\n    # a message that keeps failing must not be redelivered for ever (x-death counts it)\n    try:\n        process(body)\n    except Exception:\n        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)  # retry_count is not read`), errors: [{ line: 7 }], name: 'comments about redelivery read no delivery count' },
    { ...py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except Exception:\n        ch.basic_nack(delivery_tag=method.delivery_tag)`), errors: [{ line: 6, message: /^ch\.basic_nack\(\) requeues with no limit/ }] },
    { ...py(`import pika\ndef on_message(ch, method, properties, body):\n    try:\n        process(body)\n    except ValueError:\n        ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)`), errors: [{ line: 6 }] },
    { ...py(`import aio_pika\nasync def on_message(message):\n    try:\n        await handle(message.body)\n    except Exception:\n        await message.nack()`), errors: [{ line: 6 }] },
    { ...py(`import pika\ndef summary(body):\n    return body[:40]\ndef handle(ch, method, props, body):\n    if not ready:\n        ch.basic_nack(delivery_tag=method.delivery_tag)\n        return\n    try:\n        work(body)\n    except Exception:\n        log(summary(body))\n        ch.basic_nack(delivery_tag=method.delivery_tag)`), errors: [{ line: 6 }, { line: 12 }], name: 'a helper that reads no delivery count, a guard that is no shutdown' },
    { ...py(`import aio_pika\nasync def on_message(message):\n    async with message.process(requeue=True):\n        await handle(message.body)`), errors: [{ line: 3 }] },
    { ...py(`from celery import shared_task\nfrom celery.exceptions import Reject\n@shared_task(acks_late=True)\ndef sync(order_id):\n    try:\n        run(order_id)\n    except Exception as exc:\n        raise Reject(exc, requeue=True)`), errors: [{ line: 8 }] },
  ],
});
