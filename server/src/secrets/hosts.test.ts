import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLocalHost } from './hosts.js';

describe('secrets/hosts', () => {
  it('knows the contract\'s local hosts, in any case, bracketed or with a root dot', () => {
    for (const host of ['localhost', 'LOCALHOST.', '127.10.0.3', '::1', '[::1]', '0.0.0.0', 'app.localhost', 'printer.local', 'orders.default.svc.cluster.local', 'host.docker.internal']) assert.ok(isLocalHost(host), host);
    for (const host of ['10.0.4.12', '192.168.1.20', 'localhost.example.com', 'example.com']) assert.ok(!isLocalHost(host), host);
  });

  it('knows loopback written as IPv6: the long form of ::1 and IPv4-mapped 127.0.0.0/8 (issue 14, W1)', () => {
    for (const host of ['[::ffff:7f00:1]', '::ffff:127.0.0.1', '0:0:0:0:0:ffff:7f00:0001', '0:0:0:0:0:0:0:1', '::FFFF:7F12:3456', '::ffff:0.0.0.0']) assert.ok(isLocalHost(host), host);
    for (const host of ['::ffff:a00:1', '::ffff:10.0.0.1', '::ffff:c0a8:114', '::ffff:8.8.8.8', '::2', '::ffff:7f00']) assert.ok(!isLocalHost(host), host);
  });

  it('reads a localHosts entry as a host and its subdomains, with or without a leading *. or .', () => {
    for (const entry of ['corp.example', '*.corp.example', '.corp.example', 'Corp.Example.']) {
      assert.ok(isLocalHost('corp.example', [entry]), `${entry} covers corp.example`);
      assert.ok(isLocalHost('wiki.corp.example', [entry]), `${entry} covers wiki.corp.example`);
      assert.ok(!isLocalHost('notcorp.example', [entry]), `${entry} does not cover notcorp.example`);
    }
    assert.ok(!isLocalHost('example.com', ['*.']));
  });
});
