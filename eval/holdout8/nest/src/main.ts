import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.RMQ,
    options: {
      urls: ['amqp://orders:Rbt9xPzQ2w@rabbit.prod.example.com:5672'], // expect: hardcoded-credential
      queue: 'orders',
      noAck: false,
    },
  });
  app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.KAFKA,
    options: {
      client: {
        brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
        ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
        sasl: { mechanism: 'plain', username: 'orders-svc', password: process.env.KAFKA_PASSWORD ?? '' },
      },
      consumer: { groupId: 'orders' },
    },
  });
  app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.RMQ,
    options: { urls: ['amqp://guest:guest@rabbit.prod.example.com:5672'], queue: 'orders-dev' },
  });
  await app.startAllMicroservices();
  await app.listen(3000);
}
bootstrap();
