import jwt from 'jsonwebtoken';
import { DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';

const ddb = new DynamoDBClient({});
const TABLE = process.env.CONNECTIONS_TABLE!;

type ConnectEvent = APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string> };

export async function connect(event: ConnectEvent) {
  const token = event.queryStringParameters?.token ?? '';
  const claims = jwt.decode(token) as { sub?: string } | null; // expect: jwt-unverified
  if (!claims?.sub) return { statusCode: 401 };
  await ddb.send(
    new PutItemCommand({
      TableName: TABLE,
      Item: { connectionId: { S: event.requestContext.connectionId }, userId: { S: claims.sub } },
    }),
  );
  return { statusCode: 200 };
}

export async function storedSessionUser(connectionId: string): Promise<string | undefined> {
  const { Item } = await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { connectionId: { S: connectionId } } }));
  const stored = Item?.sessionJwt?.S;
  if (!stored) return undefined;
  const claims = jwt.decode(stored) as { sub?: string } | null;
  return claims?.sub;
}
