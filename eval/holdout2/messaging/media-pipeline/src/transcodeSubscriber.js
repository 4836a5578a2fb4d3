// Pub/Sub subscriber for the transcode pipeline.
// upload-finished -> transcode -> thumbnails -> transcode-complete
const { PubSub } = require('@google-cloud/pubsub');
const axios = require('axios');
const { transcode } = require('./ffmpeg');
const log = require('./log');

const pubsub = new PubSub();
const thumbnailsTopic = pubsub.topic('media.thumbnails.requested');

function listen() {
  const uploads = pubsub.subscription('media.upload-finished.transcoder', {
    flowControl: { maxMessages: 4, allowExcessMessages: false },
    ackDeadline: 600,
  });

  uploads.on('message', async (message) => {
    const job = JSON.parse(message.data.toString());
    try {
      const output = await transcode(job.sourceUri, job.profiles);
      await axios.post(job.callbackUrl, { assetId: job.assetId, renditions: output.renditions }); // expect: missing-timeout
      pubsub.topic('media.transcode-complete').publishMessage({ json: { assetId: job.assetId } }); // expect: unawaited-publish
      message.ack();
    } catch (err) { // expect: swallowed-message-error
      log.error('transcode failed', { assetId: job.assetId, err: err.message });
      message.ack();
    }
  });

  const stills = pubsub.subscription('media.upload-finished.stills');
  stills.on('message', async (message) => {
    // Hand the raw payload to the thumbnailer and get out of the way.
    await thumbnailsTopic.publishMessage({ data: message.data, attributes: message.attributes });
    message.ack();
    log.debug('forwarded upload to thumbnailer', { id: message.id });
  });

  const completions = pubsub.subscription('media.transcode-complete.notifier');
  completions.on('message', async (message) => {
    const { assetId } = JSON.parse(message.data.toString());
    const res = await fetch(`${process.env.CMS_URL}/assets/${assetId}/ready`, {
      method: 'PUT',
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) {
      thumbnailsTopic
        .publishMessage({ json: { assetId, kind: 'poster' } })
        .then((id) => log.debug('poster requested', { id }));
      message.ack();
    } else {
      message.nack();
    }
  });
}

module.exports = { listen };
