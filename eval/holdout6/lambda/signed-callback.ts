import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
import { createHmac } from 'node:crypto';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';

const ddb = new DynamoDBClient({});
const callbackSecret = process.env.CARRIER_CALLBACK_SECRET ?? '';

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const signature = event.headers['x-carrier-signature'];
  if (!signature || !event.body) return { statusCode: 400 };
  const expected = createHmac('sha256', callbackSecret).update(event.body).digest('base64');
  if (signature != expected) return { statusCode: 401 }; // expect: timing-unsafe-comparison

  const update = JSON.parse(event.body) as { shipmentId: string; status: string };
  if (update.status === 'DELIVERED' || update.status === 'RETURNED') {
    await ddb.send(
      new UpdateItemCommand({
        TableName: process.env.SHIPMENTS_TABLE,
        Key: { id: { S: update.shipmentId } },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: update.status } },
      }),
    );
  }
  return { statusCode: 204 };
};
