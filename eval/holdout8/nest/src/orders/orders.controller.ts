import { Controller, Inject, Logger } from '@nestjs/common';
import { ClientProxy, Ctx, EventPattern, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { OrdersService } from './orders.service';

interface OrderPlaced { id: string; items: string[] }
interface OrderPaid { orderId: string; paymentToken: string; amount: number }

@Controller()
export class OrdersController {
  private readonly logger = new Logger(OrdersController.name);

  constructor(
    @Inject('BILLING') private readonly billing: ClientProxy,
    private readonly orders: OrdersService,
  ) {}

  @MessagePattern('orders.get')
  get(@Payload() id: string) {
    return this.orders.find(id);
  }

  @EventPattern('orders.placed')
  async placed(@Payload() data: OrderPlaced, @Ctx() ctx: RmqContext) {
    const channel = ctx.getChannelRef();
    const original = ctx.getMessage();
    try {
      await this.orders.reserve(data);
      channel.ack(original);
    } catch (err) {
      this.logger.error(`reserve failed for ${data.id}`);
      channel.nack(original, false, false);
    }
    this.billing.emit('billing.reserve', data);
  }

  @EventPattern('orders.paid')
  async paid(@Payload() data: OrderPaid) {
    this.logger.log(`payment for ${data.orderId} with token ${data.paymentToken}`); // expect: secret-in-log
    this.logger.log(`payment for ${data.orderId}, amount ${data.amount}`);
    await this.orders.markPaid(data.orderId);
  }
}
