import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';

export interface Provisioner {
  createTenant(spec: { tenantId: string; plan: string }): Promise<void>;
  findOrder(orderId: string): Promise<{ id: string; sku: string } | null>;
  fulfil(order: { id: string; sku: string }): Promise<void>;
}

export class ProvisioningConsumer {
  constructor(
    private readonly channel: Channel,
    private readonly provisioner: Provisioner,
    private readonly log: Logger,
  ) {}

  async start() {
    await this.channel.consume('tenants.create', (msg) => msg && this.onTenant(msg));
    await this.channel.consume('orders.fulfil', (msg) => msg && this.onOrder(msg));
  }

  private async onTenant(msg: ConsumeMessage) {
    this.channel.ack(msg); // expect: ack-before-processing
    const spec = JSON.parse(msg.content.toString()) as { tenantId: string; plan: string };
    await this.provisioner.createTenant(spec);
    this.log.info({ tenantId: spec.tenantId }, 'tenant provisioned');
  }

  private async onOrder(msg: ConsumeMessage) {
    const { orderId } = JSON.parse(msg.content.toString()) as { orderId: string };
    const order = await this.provisioner.findOrder(orderId);
    if (!order) {
      this.log.warn({ orderId }, 'order not found yet, requeueing');
      this.channel.nack(msg); // expect: poison-message-requeue
      return;
    }
    try {
      await this.provisioner.fulfil(order);
      this.channel.ack(msg);
    } catch (err) {
      this.log.error({ err, orderId }, 'fulfilment failed');
      this.channel.reject(msg, false);
    }
  }
}
