const { Consumer } = require('sqs-consumer');
const billing = require('./billing');

const charges = Consumer.create({
  queueUrl: process.env.CHARGES_QUEUE_URL,
  handleMessage: async (message) => {
    try {
      await billing.charge(JSON.parse(message.Body));
    } catch (err) { // expect: swallowed-message-error
      console.error('charge failed', err);
    }
    return message;
  },
});

const receipts = Consumer.create({
  queueUrl: process.env.RECEIPTS_QUEUE_URL,
  handleMessage: async (message) => {
    const receipt = JSON.parse(message.Body);
    try {
      await billing.metrics.increment('receipts.received');
    } catch (err) {
      console.warn('metrics unavailable');
    }
    await billing.storeReceipt(receipt);
    return message;
  },
});

charges.start();
receipts.start();
