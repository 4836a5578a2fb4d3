const { ApolloServer } = require('@apollo/server');
const { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } = require('@apollo/gateway');

const gateway = new ApolloGateway({
  supergraphSdl: new IntrospectAndCompose({
    subgraphs: [
      { name: 'accounts', url: 'http://accounts.svc.cluster.local:4001/graphql' },
      { name: 'inventory', url: 'http://inventory.internal:4002/graphql' },
      { name: 'reviews', url: 'http://reviews.prod.example.com/graphql' }, // expect: insecure-transport
    ],
  }),
  buildService({ url }) {
    return new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request, context }) {
        request.http.headers.set('authorization', context.authorization);
      },
    });
  },
});

module.exports = new ApolloServer({ gateway });
