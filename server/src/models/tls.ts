/**
 * TLS client libraries: the calls that open a connection, and what a caller does with a
 * connected socket when it only inspects the server's certificate (contract 1.4: such a
 * probe is not a transport). Read by the tls-verification-disabled rule.
 */

export interface TlsConnectCall {
  modules: readonly string[];
  /** The export that opens the connection, by its path as `FileFacts.resolve` gives it (`connect`, `TLSSocket`). */
  export: string;
}

export const TLS_CONNECT_CALLS: readonly TlsConnectCall[] = [
  { modules: ['tls'], export: 'connect' },
  { modules: ['tls'], export: 'TLSSocket' },
];

/** What a probe does with its socket: read the handshake's outcome, listen, and end without writing. */
export const TLS_SOCKET_USES = {
  /** Members that read the certificate or the handshake result. */
  handshakeReads: ['getPeerCertificate', 'getPeerX509Certificate', 'authorized', 'authorizationError', 'getProtocol', 'getCipher', 'getEphemeralKeyInfo', 'alpnProtocol', 'servername'],
  /** Members that close the connection (with no data when called without arguments). */
  ends: ['end', 'destroy'],
  /** Members that add an event listener (the event's name first). */
  listens: ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'],
  /**
   * Events that report the handshake's outcome: listening for one (or passing the connect
   * callback, its listener) observes the handshake, as a probe timing it does.
   */
  handshakeEvents: ['secureConnect'],
  /** Members that neither write nor read application data. */
  neutral: ['off', 'removeListener', 'removeAllListeners', 'setTimeout', 'unref', 'ref'],
} as const;
