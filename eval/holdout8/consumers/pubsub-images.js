const { PubSub } = require('@google-cloud/pubsub');
const { resize, tagImage } = require('./images');

const pubsub = new PubSub();

pubsub.subscription('images-resize').on('message', async (message) => {
  message.ack(); // expect: ack-before-processing
  const { bucket, name } = JSON.parse(message.data.toString());
  await resize(bucket, name);
});

pubsub.subscription('images-tag').on('message', async (message) => {
  try {
    await tagImage(JSON.parse(message.data.toString()));
    message.ack();
  } catch (err) {
    message.nack();
  }
});

function publishResized(name) {
  pubsub.topic('images-resized').publishMessage({ json: { name } }); // expect: unawaited-publish
}

async function publishTagged(name) {
  const id = await pubsub.topic('images-tagged').publishMessage({ json: { name } });
  return id;
}

module.exports = { publishResized, publishTagged };
