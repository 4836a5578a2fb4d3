import { Kafka, type KafkaConfig } from 'kafkajs';
import { readFileSync } from 'node:fs';

const brokers = (process.env.KAFKA_BROKERS ?? 'kafka-0.kafka.svc.cluster.local:9093').split(',');

const base: KafkaConfig = {
  clientId: process.env.SERVICE_NAME ?? 'orders',
  brokers,
  ssl: {
    rejectUnauthorized: true,
    ca: [readFileSync('/var/run/secrets/kafka/ca.crt', 'utf8')],
  },
  sasl: {
    mechanism: 'plain',
    username: process.env.KAFKA_SASL_USERNAME ?? '',
    password: process.env.KAFKA_SASL_PASSWORD ?? '',
  },
  connectionTimeout: 5000,
  requestTimeout: 30_000,
};

export const kafka = new Kafka({
  ...base,
  retry: { initialRetryTime: 300, retries: 8, multiplier: 2 },
});

export const analyticsKafka = new Kafka({
  ...base,
  clientId: 'analytics-forwarder',
  retry: {
    initialRetryTime: 1000,
    retries: Infinity, // expect: unbounded-retry
  },
});

export const localKafka = new Kafka({
  clientId: 'dev-tools',
  brokers: ['localhost:9092'],
  ssl: false,
});
