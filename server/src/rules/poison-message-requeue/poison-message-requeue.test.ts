import { ruleTester } from '../../../../test/helpers/ruleTester.js';

ruleTester('poison-message-requeue', {
  valid: [
    // issue 14 recall
    {
      name: "nack in a branch on the message type is not a failure path",
      code: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const data = JSON.parse(msg.content.toString());
    if (data.type === 'ping') {
      channel.nack(msg);
      return;
    }
    await handle(data);
    channel.ack(msg);
  });
}
`,
    },
    {
      name: "nack in the success side of a ?: is not a failure path",
      code: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const success = await deliver(JSON.parse(msg.content.toString()));
    success ? channel.nack(msg) : channel.ack(msg, false);
  });
}
`,
    },
    {
      name: "a 2xx-status branch is not a failure path",
      code: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const res = await fetch(process.env.TARGET!, { method: 'POST', body: msg.content, signal: AbortSignal.timeout(5000) });
    if (res.status === 202) {
      channel.nack(msg);
    } else {
      channel.ack(msg);
    }
  });
}
`,
    },
    {
      name: 'nack without requeue (dead-letter)',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    channel.nack(msg, false, false);
  }
});`,
    },
    {
      name: 'reject without requeue',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    channel.reject(msg, false);
  }
});`,
    },
    {
      name: 'redelivered checked before requeueing',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    if (msg.fields.redelivered) channel.nack(msg, false, false);
    else channel.nack(msg);
  }
});`,
    },
    {
      name: 'x-death header read before nack',
      code: `
channel.consume('orders', async (msg) => {
  const deaths = (msg.properties.headers['x-death'] ?? [])[0]?.count ?? 0;
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    if (deaths > 5) return channel.nack(msg, false, false);
    channel.nack(msg, false, true);
  }
});`,
    },
    {
      name: 'x-delivery-count header read (quorum queue)',
      code: `
channel.consume('orders', async (msg) => {
  const deliveries = Number(msg.properties.headers?.['x-delivery-count'] ?? 0);
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch {
    channel.reject(msg, deliveries < 3);
  }
});`,
    },
    {
      name: 'retry-count header read',
      code: `
channel.consume('orders', async (msg) => {
  const retryCount = msg.properties.headers['x-retry-count'] || 0;
  handle(msg.content).catch(() => channel.nack(msg));
});`,
    },
    {
      name: 'requeue decided by a variable the file cannot show',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch (err) {
    channel.nack(msg, false, shouldRequeue(err));
  }
});`,
    },
    {
      name: 'nack outside an error path',
      code: `
channel.consume('orders', async (msg) => {
  if (!ready) {
    channel.nack(msg);
    return;
  }
  await handle(msg.content);
  channel.ack(msg);
});`,
    },
    {
      name: 'nack outside a consumer',
      code: `
export function fail(channel, msg) {
  try { doIt(); } catch { channel.nack(msg); }
}`,
    },
    {
      name: 'Promise reject is not a message reject',
      code: `
channel.consume('orders', (msg) => new Promise((resolve, reject) => {
  handle(msg.content).then(resolve, (err) => reject(err));
}));`,
    },
    {
      name: 'Pub/Sub nack is not modelled (redelivery policy is on the subscription)',
      code: `
subscription.on('message', async (message) => {
  try {
    await handle(message.data);
    message.ack();
  } catch {
    message.nack();
  }
});`,
    },
    {
      name: 'delegated handler reads the redelivered flag',
      code: `
class C {
  start() { this.channel.consume('q', (msg) => this.onMessage(msg)); }
  async onMessage(msg) {
    try {
      await this.handle(msg);
    } catch {
      this.channel.nack(msg, false, !msg.fields.redelivered);
    }
  }
}`,
    },
    {
      name: 'nack with requeue false through a const',
      code: `
const REQUEUE = false;
channel.consume('orders', (msg) => {
  handle(msg.content).catch(() => channel.nack(msg, false, REQUEUE));
});`,
    },
    {
      name: 'attempts counted before the nack',
      code: `
channel.consume('orders', async (msg) => {
  const attempts = getAttempts(msg);
  try {
    await handle(msg.content);
  } catch {
    channel.nack(msg);
  }
});`,
    },
    {
      name: 'an if on a flag that is not the outcome of a lookup, a validation or a delivery',
      code: `
import amqp from 'amqplib';
channel.consume('orders', async (msg) => {
  if (!draining) {
    channel.nack(msg);
    return;
  }
  await handle(msg.content);
  channel.ack(msg);
});`,
    },
  ],
  invalid: [
    // issue 14 recall
    {
      name: "nack in the branch of a delivery whose HTTP status was not 200",
      code: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const res = await fetch(process.env.TARGET!, { method: 'POST', body: msg.content, signal: AbortSignal.timeout(5000) });
    if (res.status !== 200) {
      channel.nack(msg);
    } else {
      channel.ack(msg);
    }
  });
}
`,
      errors: [{ line: 7, suggestions: [{ messageId: 'requeueBelowLimit', output: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const res = await fetch(process.env.TARGET!, { method: 'POST', body: msg.content, signal: AbortSignal.timeout(5000) });
    if (res.status !== 200) {
      channel.nack(msg, false, !msg.fields.redelivered);
    } else {
      channel.ack(msg);
    }
  });
}
` }] }],
      output: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const res = await fetch(process.env.TARGET!, { method: 'POST', body: msg.content, signal: AbortSignal.timeout(5000) });
    if (res.status !== 200) {
      channel.nack(msg, false, false);
    } else {
      channel.ack(msg);
    }
  });
}
`,
    },
    {
      name: "nack in the failure side of a ?: on a success flag",
      code: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const success = await deliver(JSON.parse(msg.content.toString()));
    success ? channel.ack(msg) : channel.nack(msg);
  });
}
`,
      errors: [{ line: 6, suggestions: [{ messageId: 'requeueBelowLimit', output: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const success = await deliver(JSON.parse(msg.content.toString()));
    success ? channel.ack(msg) : channel.nack(msg, false, !msg.fields.redelivered);
  });
}
` }] }],
      output: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('hooks', async (msg) => {
    if (!msg) return;
    const success = await deliver(JSON.parse(msg.content.toString()));
    success ? channel.ack(msg) : channel.nack(msg, false, false);
  });
}
`,
    },
    {
      name: "nack when the handler result === false",
      code: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('jobs', async (msg) => {
    if (!msg) return;
    const handled = await handlers[msg.fields.routingKey]?.(msg);
    handled === false ? channel.nack(msg) : channel.ack(msg);
  });
}
`,
      errors: [{ line: 6, suggestions: [{ messageId: 'requeueBelowLimit', output: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('jobs', async (msg) => {
    if (!msg) return;
    const handled = await handlers[msg.fields.routingKey]?.(msg);
    handled === false ? channel.nack(msg, false, !msg.fields.redelivered) : channel.ack(msg);
  });
}
` }] }],
      output: `import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('jobs', async (msg) => {
    if (!msg) return;
    const handled = await handlers[msg.fields.routingKey]?.(msg);
    handled === false ? channel.nack(msg, false, false) : channel.ack(msg);
  });
}
`,
    },
    {
      name: 'nack(msg) in a catch',
      code: `
import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('orders', async (msg) => {
    try {
      await handleOrder(JSON.parse(msg!.content.toString()));
      channel.ack(msg!);
    } catch (err) {
      channel.nack(msg!);
    }
  });
}`,
      output: `
import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('orders', async (msg) => {
    try {
      await handleOrder(JSON.parse(msg!.content.toString()));
      channel.ack(msg!);
    } catch (err) {
      channel.nack(msg!, false, false);
    }
  });
}`,
      errors: [{ line: 9, message: /channel\.nack requeues with no limit/, suggestions: [{ messageId: 'requeueBelowLimit', output: `
import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('orders', async (msg) => {
    try {
      await handleOrder(JSON.parse(msg!.content.toString()));
      channel.ack(msg!);
    } catch (err) {
      channel.nack(msg!, false, !msg!.fields.redelivered);
    }
  });
}` }] }],
    },
    {
      name: 'nack(msg, false, true)',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
    channel.nack(msg, false, true);
  }
});`,
      output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
    channel.nack(msg, false, false);
  }
});`,
      errors: [{ line: 8, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
    channel.nack(msg, false, !msg.fields.redelivered);
  }
});` }] }],
    },
    {
      name: 'nack(msg, true): requeue defaults to true',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    ch.nack(msg, true);
  }
});`,
      output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    ch.nack(msg, true, false);
  }
});`,
      errors: [{ line: 6, message: /ch\.nack/, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    ch.nack(msg, true, !msg.fields.redelivered);
  }
});` }] }],
    },
    {
      name: 'reject(msg)',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.reject(msg);
  }
});`,
      output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.reject(msg, false);
  }
});`,
      errors: [{ line: 6, message: /channel\.reject/, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.reject(msg, !msg.fields.redelivered);
  }
});` }] }],
    },
    {
      name: 'reject(msg, true)',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.reject(msg, true);
  }
});`,
      output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.reject(msg, false);
  }
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.reject(msg, !msg.fields.redelivered);
  }
});` }] }],
    },
    {
      name: 'nack in a .catch callback',
      code: `
channel.consume('orders', (msg) => {
  handle(msg.content)
    .then(() => channel.ack(msg))
    .catch(() => channel.nack(msg));
});`,
      output: `
channel.consume('orders', (msg) => {
  handle(msg.content)
    .then(() => channel.ack(msg))
    .catch(() => channel.nack(msg, false, false));
});`,
      errors: [{ line: 5, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', (msg) => {
  handle(msg.content)
    .then(() => channel.ack(msg))
    .catch(() => channel.nack(msg, false, !msg.fields.redelivered));
});` }] }],
    },
    {
      name: 'nack in the onRejected of .then',
      code: `
channel.consume('orders', (msg) => {
  handle(msg.content).then(
    () => channel.ack(msg),
    () => channel.nack(msg, false, true),
  );
});`,
      output: `
channel.consume('orders', (msg) => {
  handle(msg.content).then(
    () => channel.ack(msg),
    () => channel.nack(msg, false, false),
  );
});`,
      errors: [{ line: 5, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', (msg) => {
  handle(msg.content).then(
    () => channel.ack(msg),
    () => channel.nack(msg, false, !msg.fields.redelivered),
  );
});` }] }],
    },
    {
      name: 'nack in a branch taken on failure',
      code: `
channel.consume('orders', async (msg) => {
  const result = await handle(msg.content);
  if (!result.ok) {
    channel.nack(msg);
    return;
  }
  channel.ack(msg);
});`,
      output: `
channel.consume('orders', async (msg) => {
  const result = await handle(msg.content);
  if (!result.ok) {
    channel.nack(msg, false, false);
    return;
  }
  channel.ack(msg);
});`,
      errors: [{ line: 5, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  const result = await handle(msg.content);
  if (!result.ok) {
    channel.nack(msg, false, !msg.fields.redelivered);
    return;
  }
  channel.ack(msg);
});` }] }],
    },
    {
      name: 'nack in an if (error) branch',
      code: `
channel.consume('orders', async (msg) => {
  const { error } = await handle(msg.content);
  if (error) channel.nack(msg);
  else channel.ack(msg);
});`,
      output: `
channel.consume('orders', async (msg) => {
  const { error } = await handle(msg.content);
  if (error) channel.nack(msg, false, false);
  else channel.ack(msg);
});`,
      errors: [{ line: 4, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  const { error } = await handle(msg.content);
  if (error) channel.nack(msg, false, !msg.fields.redelivered);
  else channel.ack(msg);
});` }] }],
    },
    {
      name: 'nack in the else of a success check',
      code: `
channel.consume('orders', async (msg) => {
  const success = await handle(msg.content);
  if (success) {
    channel.ack(msg);
  } else {
    channel.nack(msg);
  }
});`,
      output: `
channel.consume('orders', async (msg) => {
  const success = await handle(msg.content);
  if (success) {
    channel.ack(msg);
  } else {
    channel.nack(msg, false, false);
  }
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  const success = await handle(msg.content);
  if (success) {
    channel.ack(msg);
  } else {
    channel.nack(msg, false, !msg.fields.redelivered);
  }
});` }] }],
    },
    {
      name: 'contract 1.4: nack when the lookup found nothing',
      code: `
import amqp from 'amqplib';
channel.consume('orders', async (msg) => {
  const { orderId } = JSON.parse(msg.content.toString());
  const order = await orders.findById(orderId);
  if (!order) {
    channel.nack(msg);
    return;
  }
  await ship(order);
  channel.ack(msg);
});`,
      output: `
import amqp from 'amqplib';
channel.consume('orders', async (msg) => {
  const { orderId } = JSON.parse(msg.content.toString());
  const order = await orders.findById(orderId);
  if (!order) {
    channel.nack(msg, false, false);
    return;
  }
  await ship(order);
  channel.ack(msg);
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'requeueBelowLimit', output: `
import amqp from 'amqplib';
channel.consume('orders', async (msg) => {
  const { orderId } = JSON.parse(msg.content.toString());
  const order = await orders.findById(orderId);
  if (!order) {
    channel.nack(msg, false, !msg.fields.redelivered);
    return;
  }
  await ship(order);
  channel.ack(msg);
});` }] }],
    },
    {
      name: 'contract 1.4: reject when validation failed',
      code: `
import amqp from 'amqplib';
channel.consume('events', async (msg) => {
  const event = JSON.parse(msg.content.toString());
  const valid = ajv.validate(schema, event);
  if (!valid) return channel.reject(msg);
  await apply(event);
  channel.ack(msg);
});`,
      output: `
import amqp from 'amqplib';
channel.consume('events', async (msg) => {
  const event = JSON.parse(msg.content.toString());
  const valid = ajv.validate(schema, event);
  if (!valid) return channel.reject(msg, false);
  await apply(event);
  channel.ack(msg);
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'requeueBelowLimit', output: `
import amqp from 'amqplib';
channel.consume('events', async (msg) => {
  const event = JSON.parse(msg.content.toString());
  const valid = ajv.validate(schema, event);
  if (!valid) return channel.reject(msg, !msg.fields.redelivered);
  await apply(event);
  channel.ack(msg);
});` }] }],
    },
    {
      name: 'contract 1.4: nack when the delivery failed',
      code: `
import amqp from 'amqplib';
channel.consume('webhooks', async (msg) => {
  const delivered = await deliver(JSON.parse(msg.content.toString()));
  if (delivered) {
    channel.ack(msg);
  } else {
    channel.nack(msg);
  }
});`,
      output: `
import amqp from 'amqplib';
channel.consume('webhooks', async (msg) => {
  const delivered = await deliver(JSON.parse(msg.content.toString()));
  if (delivered) {
    channel.ack(msg);
  } else {
    channel.nack(msg, false, false);
  }
});`,
      errors: [{ line: 8, suggestions: [{ messageId: 'requeueBelowLimit', output: `
import amqp from 'amqplib';
channel.consume('webhooks', async (msg) => {
  const delivered = await deliver(JSON.parse(msg.content.toString()));
  if (delivered) {
    channel.ack(msg);
  } else {
    channel.nack(msg, false, !msg.fields.redelivered);
  }
});` }] }],
    },
    {
      name: 'contract 1.4: nack when a lookup call returns null',
      code: `
import amqp from 'amqplib';
channel.consume('invoices', async (msg) => {
  const customer = await getCustomer(msg.properties.headers.customerId);
  if (customer === null) channel.nack(msg, false, true);
  else await bill(customer, msg.content);
});`,
      output: `
import amqp from 'amqplib';
channel.consume('invoices', async (msg) => {
  const customer = await getCustomer(msg.properties.headers.customerId);
  if (customer === null) channel.nack(msg, false, false);
  else await bill(customer, msg.content);
});`,
      errors: [{ line: 5, suggestions: [{ messageId: 'requeueBelowLimit', output: `
import amqp from 'amqplib';
channel.consume('invoices', async (msg) => {
  const customer = await getCustomer(msg.properties.headers.customerId);
  if (customer === null) channel.nack(msg, false, !msg.fields.redelivered);
  else await bill(customer, msg.content);
});` }] }],
    },
    {
      name: 'named handler function',
      code: `
async function onMessage(msg) {
  try {
    await processOrder(msg.content);
    channel.ack(msg);
  } catch (e) {
    channel.nack(msg);
  }
}
channel.consume('orders', onMessage);`,
      output: `
async function onMessage(msg) {
  try {
    await processOrder(msg.content);
    channel.ack(msg);
  } catch (e) {
    channel.nack(msg, false, false);
  }
}
channel.consume('orders', onMessage);`,
      errors: [{ line: 7, suggestions: [{ messageId: 'requeueBelowLimit', output: `
async function onMessage(msg) {
  try {
    await processOrder(msg.content);
    channel.ack(msg);
  } catch (e) {
    channel.nack(msg, false, !msg.fields.redelivered);
  }
}
channel.consume('orders', onMessage);` }] }],
    },
    {
      name: 'class method via bind, this.channel',
      code: `
export class OrdersConsumer {
  async start() {
    await this.channel.consume('orders', this.onMessage.bind(this));
  }
  async onMessage(msg) {
    try {
      await this.orders.handle(msg.content);
      this.channel.ack(msg);
    } catch (error) {
      this.logger.error(error);
      this.channel.nack(msg, false, true);
    }
  }
}`,
      output: `
export class OrdersConsumer {
  async start() {
    await this.channel.consume('orders', this.onMessage.bind(this));
  }
  async onMessage(msg) {
    try {
      await this.orders.handle(msg.content);
      this.channel.ack(msg);
    } catch (error) {
      this.logger.error(error);
      this.channel.nack(msg, false, false);
    }
  }
}`,
      errors: [{ line: 12, message: /this\.channel\.nack/, suggestions: [{ messageId: 'requeueBelowLimit', output: `
export class OrdersConsumer {
  async start() {
    await this.channel.consume('orders', this.onMessage.bind(this));
  }
  async onMessage(msg) {
    try {
      await this.orders.handle(msg.content);
      this.channel.ack(msg);
    } catch (error) {
      this.logger.error(error);
      this.channel.nack(msg, false, !msg.fields.redelivered);
    }
  }
}` }] }],
    },
    {
      name: 'delegated method called with the message',
      code: `
class C {
  start() { this.channel.consume('q', (msg) => this.onMessage(msg)); }
  async onMessage(msg) {
    try {
      await this.handle(msg);
    } catch {
      this.channel.reject(msg);
    }
  }
}`,
      output: `
class C {
  start() { this.channel.consume('q', (msg) => this.onMessage(msg)); }
  async onMessage(msg) {
    try {
      await this.handle(msg);
    } catch {
      this.channel.reject(msg, false);
    }
  }
}`,
      errors: [{ line: 8, suggestions: [{ messageId: 'requeueBelowLimit', output: `
class C {
  start() { this.channel.consume('q', (msg) => this.onMessage(msg)); }
  async onMessage(msg) {
    try {
      await this.handle(msg);
    } catch {
      this.channel.reject(msg, !msg.fields.redelivered);
    }
  }
}` }] }],
    },
    {
      name: 'callback_api channel',
      code: `
const amqp = require('amqplib/callback_api');
amqp.connect(url, (e, conn) => conn.createChannel((e2, ch) => {
  ch.consume('tasks', (msg) => {
    try {
      runTask(msg.content.toString());
      ch.ack(msg);
    } catch (err) {
      ch.nack(msg);
    }
  });
}));`,
      output: `
const amqp = require('amqplib/callback_api');
amqp.connect(url, (e, conn) => conn.createChannel((e2, ch) => {
  ch.consume('tasks', (msg) => {
    try {
      runTask(msg.content.toString());
      ch.ack(msg);
    } catch (err) {
      ch.nack(msg, false, false);
    }
  });
}));`,
      errors: [{ line: 9, suggestions: [{ messageId: 'requeueBelowLimit', output: `
const amqp = require('amqplib/callback_api');
amqp.connect(url, (e, conn) => conn.createChannel((e2, ch) => {
  ch.consume('tasks', (msg) => {
    try {
      runTask(msg.content.toString());
      ch.ack(msg);
    } catch (err) {
      ch.nack(msg, false, !msg.fields.redelivered);
    }
  });
}));` }] }],
    },
    {
      name: 'requeue true through a const',
      code: `
const REQUEUE = true;
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.nack(msg, false, REQUEUE);
  }
});`,
      output: `
const REQUEUE = true;
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.nack(msg, false, false);
  }
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'requeueBelowLimit', output: `
const REQUEUE = true;
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.nack(msg, false, !msg.fields.redelivered);
  }
});` }] }],
    },
    {
      name: 'a delivery count read after the nack does not help',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.nack(msg);
    metrics.observe('redeliveries', msg.fields.redelivered ? 1 : 0);
  }
});`,
      output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.nack(msg, false, false);
    metrics.observe('redeliveries', msg.fields.redelivered ? 1 : 0);
  }
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch {
    channel.nack(msg, false, !msg.fields.redelivered);
    metrics.observe('redeliveries', msg.fields.redelivered ? 1 : 0);
  }
});` }] }],
    },
    {
      name: 'two consumers, one nacks in an error path',
      code: `
channel.consume('a', async (msg) => {
  try { await a(msg.content); channel.ack(msg); } catch { channel.nack(msg, false, false); }
});
channel.consume('b', async (msg) => {
  try { await b(msg.content); channel.ack(msg); } catch { channel.nack(msg); }
});`,
      output: `
channel.consume('a', async (msg) => {
  try { await a(msg.content); channel.ack(msg); } catch { channel.nack(msg, false, false); }
});
channel.consume('b', async (msg) => {
  try { await b(msg.content); channel.ack(msg); } catch { channel.nack(msg, false, false); }
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('a', async (msg) => {
  try { await a(msg.content); channel.ack(msg); } catch { channel.nack(msg, false, false); }
});
channel.consume('b', async (msg) => {
  try { await b(msg.content); channel.ack(msg); } catch { channel.nack(msg, false, !msg.fields.redelivered); }
});` }] }],
    },
    {
      name: 'nack in a nested try inside a loop over a parsed batch',
      code: `
channel.consume('orders', async (msg) => {
  const items = JSON.parse(msg.content.toString());
  for (const item of items) {
    try {
      await handle(item);
    } catch (err) {
      return channel.nack(msg);
    }
  }
  channel.ack(msg);
});`,
      output: `
channel.consume('orders', async (msg) => {
  const items = JSON.parse(msg.content.toString());
  for (const item of items) {
    try {
      await handle(item);
    } catch (err) {
      return channel.nack(msg, false, false);
    }
  }
  channel.ack(msg);
});`,
      errors: [{ line: 8, suggestions: [{ messageId: 'requeueBelowLimit', output: `
channel.consume('orders', async (msg) => {
  const items = JSON.parse(msg.content.toString());
  for (const item of items) {
    try {
      await handle(item);
    } catch (err) {
      return channel.nack(msg, false, !msg.fields.redelivered);
    }
  }
  channel.ack(msg);
});` }] }],
    },
  ],
});
