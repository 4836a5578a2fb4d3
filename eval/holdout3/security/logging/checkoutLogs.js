const winston = require('winston');

const logger = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

function mask(value) {
  return value ? `${value.slice(0, 4)}…${value.slice(-2)}` : value;
}

async function chargeCard(order, card, gateway) {
  logger.info('charging order', { orderId: order.id, amount: order.total, cardToken: card.token }); // expect: secret-in-log
  logger.debug('card token (masked)', { cardToken: mask(card.token) });
  const result = await gateway.charge(card.token, order.total);
  logger.http(`gateway replied ${result.status} for ${order.id}`);
  return result;
}

function logUserCreated(user) {
  logger.info('user created', { id: user.id, email: user.email, passwordHash: user.passwordHash });
}

function logGatewayConfig(config) {
  logger.verbose('gateway configured', {
    merchantId: config.merchantId,
    apiKeyConfigured: Boolean(config.apiKey),
    secretKeyLength: config.secretKey?.length ?? 0,
  });
  logger.silly(`gateway secret key ${config.secretKey}`); // expect: secret-in-log
}

module.exports = { chargeCard, logUserCreated, logGatewayConfig };
