import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'publisher.py' });

ruleTester('unawaited-publish', {
  valid: [
    { ...py(`from confluent_kafka import Producer\nBASE = {"bootstrap.servers": "kafka:9092", "acks": 0}\nsafe = Producer({**BASE, "acks": "all"})`), name: 'a later acks key overrides the spread config' },
    py(`import aio_pika\nasync def send(channel, body):\n    await channel.default_exchange.publish(aio_pika.Message(body=body), routing_key="q")`),
    py(`import asyncio, aio_pika\nasync def send(exchange, body):\n    task = asyncio.create_task(exchange.publish(aio_pika.Message(body=body), routing_key="q"))\n    await task`),
    py(`from aiokafka import AIOKafkaProducer\nproducer = AIOKafkaProducer(bootstrap_servers="k:9092")\nasync def send(v):\n    await producer.send_and_wait("orders", v)`),
    py(`from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers="k:9092")\ndef send(v):\n    producer.send("orders", v).get(timeout=10)`),
    py(`from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers="k:9092")\ndef send(v):\n    future = producer.send("orders", v)\n    future.add_errback(on_error)`),
    py(`from confluent_kafka import Producer\nproducer = Producer({"bootstrap.servers": "k:9092"})\nproducer.produce("orders", value=v, on_delivery=report)`),
    py(`from aiobotocore.session import get_session\nasync def send(body):\n    async with get_session().create_client("sqs") as sqs_client:\n        await sqs_client.send_message(QueueUrl=URL, MessageBody=body)`),
    { ...py(`import boto3\nsqs = boto3.client("sqs")\nsqs.send_message(QueueUrl=URL, MessageBody=body)`), name: 'synchronous boto3' },
    { ...py(`import pika\nchannel.basic_publish(exchange="", routing_key="q", body=body)`), name: 'pika basic_publish' },
    { ...py(`from aiokafka import AIOKafkaProducer\nproducer = None\nasync def start():\n    producer = AIOKafkaProducer(bootstrap_servers="k:9092")\n    await producer.start()\nasync def send(v):\n    producer.send("orders", v)`), name: 'a function assigning the name without a global statement binds a local' },
  ],
  invalid: [
    { ...py(`from confluent_kafka import Producer\nBASE = {"bootstrap.servers": "kafka:9092"}\nfast = Producer({\n    **BASE,\n    "acks": 0,\n})`), errors: [{ line: 5 }], name: 'acks 0 in a config dict that spreads another' },
    { ...py(`import aio_pika\nasync def send(channel, body):\n    channel.default_exchange.publish(aio_pika.Message(body=body), routing_key="q")`), errors: [{ line: 3, message: /^channel\.default_exchange\.publish\(\) is not awaited: the coroutine never runs/ }] },
    { ...py(`from aiokafka import AIOKafkaProducer\nproducer = AIOKafkaProducer(bootstrap_servers="k:9092")\nasync def send(v):\n    producer.send("orders", v)`), errors: [{ line: 4 }] },
    { ...py(`from aiobotocore.session import get_session\nasync def send(body):\n    async with get_session().create_client("sqs") as sqs_client:\n        sqs_client.send_message(QueueUrl=URL, MessageBody=body)`), errors: [{ line: 4 }] },
    { ...py(`from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers="k:9092")\ndef send(v):\n    producer.send("orders", v)`), errors: [{ line: 4, message: /returns a future that is dropped/ }] },
    { ...py(`from google.cloud import pubsub_v1\npublisher = pubsub_v1.PublisherClient()\ndef send(data):\n    publisher.publish(TOPIC, data)`), errors: [{ line: 4 }] },
    { ...py(`from confluent_kafka import Producer\nproducer = Producer({"bootstrap.servers": "k:9092"})\nproducer.produce("orders", value=v)\nproducer.flush()`), errors: [{ line: 3, message: /has no delivery callback/ }] },
    { ...py(`from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers="k:9092", acks=0)`), errors: [{ line: 2, message: /^`acks=0` turns off/ }] },
    { ...py(`from confluent_kafka import Producer\nproducer = Producer({\n    "bootstrap.servers": "k:9092",\n    "acks": "0",\n})`), errors: [{ line: 4 }] },
    {
      ...py(`from contextlib import asynccontextmanager\nfrom aiokafka import AIOKafkaProducer\nfrom fastapi import FastAPI\nproducer: AIOKafkaProducer | None = None\n@asynccontextmanager\nasync def lifespan(app: FastAPI):\n    global producer\n    producer = AIOKafkaProducer(bootstrap_servers="k:9092")\n    await producer.start()\n    yield\n    await producer.stop()\napp = FastAPI(lifespan=lifespan)\n@app.post("/events")\nasync def publish(v: dict):\n    producer.send("events", v)\n    return {}`),
      errors: [{ line: 15, message: /^producer\.send\(\) is not awaited/ }],
      name: 'a module global assigned through a global statement in the FastAPI lifespan',
    },
    { ...py(`import aiokafka\nproducer = None\ndef connect():\n    global producer\n    producer = aiokafka.AIOKafkaProducer(bootstrap_servers="k:9092")\nasync def send(v):\n    producer.send_and_wait("orders", v)`), errors: [{ line: 7 }], name: 'a module global assigned through a global statement in a plain function' },
    { ...py(`from aiokafka import AIOKafkaProducer\nproducer: AIOKafkaProducer\nasync def start():\n    global producer\n    producer = AIOKafkaProducer(bootstrap_servers="k:9092")\nasync def send(v):\n    producer.send("orders", v)`), errors: [{ line: 7 }], name: 'a module global only annotated until a global statement assigns it' },
  ],
});
