/**
 * Events that serverless platforms hand a function for an incoming HTTP request: the fields
 * that carry what the client sent (contract 1.3, jwt-unverified: a header, cookie, query,
 * body or path value). Read by `analysis/request-sources.ts`, which takes these fields off a
 * request parameter (`event`, or one typed as one of `types`) whether or not the file
 * imports the types.
 */

export interface RequestEvent {
  label: string;
  /** Where the event's types come from. */
  modules: readonly string[];
  /** The event's type names. */
  types: readonly string[];
  /** Fields holding client-sent values: `authorizationToken` is a TOKEN authorizer's `Authorization` header. */
  fields: readonly string[];
}

const AWS_TYPES = ['aws-lambda'];
const AWS_HTTP_FIELDS = ['headers', 'multiValueHeaders', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'body', 'cookies'];

export const REQUEST_EVENTS: readonly RequestEvent[] = [
  { label: 'API Gateway / function URL / ALB request', modules: AWS_TYPES, types: ['APIGatewayProxyEvent', 'APIGatewayProxyEventV2', 'APIGatewayProxyWebsocketEventV2', 'LambdaFunctionURLEvent', 'ALBEvent'], fields: AWS_HTTP_FIELDS },
  { label: 'API Gateway TOKEN authorizer', modules: AWS_TYPES, types: ['APIGatewayTokenAuthorizerEvent'], fields: ['authorizationToken'] },
  // V2's `identitySource` lists the values of the request's identity sources (its Authorization header).
  { label: 'API Gateway REQUEST authorizer', modules: AWS_TYPES, types: ['APIGatewayRequestAuthorizerEvent', 'APIGatewayRequestAuthorizerEventV2'], fields: [...AWS_HTTP_FIELDS, 'identitySource'] },
];
