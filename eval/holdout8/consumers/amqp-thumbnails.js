const amqp = require('amqplib');
const { render, assets } = require('./media');

module.exports = async function startThumbnails() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();

  channel.consume('thumbs', (msg) => {
    render(JSON.parse(msg.content.toString()))
      .then(() => channel.ack(msg))
      .catch(() => channel.nack(msg, false, true)); // expect: poison-message-requeue
  });

  channel.consume('thumbs.priority', async (msg) => {
    const asset = await assets.find(JSON.parse(msg.content.toString()).id);
    if (!asset) {
      channel.nack(msg, true); // expect: poison-message-requeue
      return;
    }
    await render(asset);
    channel.ack(msg);
  });

  channel.consume('thumbs.retry', async (msg) => {
    try {
      await render(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      const deaths = ((msg.properties.headers || {})['x-death'] || [])[0];
      if (deaths && deaths.count >= 5) channel.reject(msg, false);
      else channel.reject(msg, true);
    }
  });
};
