import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const priceFeed = createClient({
  url: 'ws://prices.market-data.example.com/graphql', // expect: insecure-transport
  webSocketImpl: WebSocket,
  connectionParams: { authToken: process.env.MARKET_DATA_TOKEN },
});

export const localFeed = createClient({
  url: 'ws://127.0.0.1:4000/graphql',
  webSocketImpl: WebSocket,
});

export const secureFeed = createClient({
  url: 'wss://orders.example.com/graphql',
  webSocketImpl: WebSocket,
  connectionParams: { authToken: 'gql-3f8a9c2e7d1b4a6f' }, // expect: hardcoded-credential
});
