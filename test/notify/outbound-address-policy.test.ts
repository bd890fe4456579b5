import { describe, expect, it } from 'vitest';
import { internalAddressKind, isOutboundAllowEntry, literalInternalAddress, outboundAddressPolicy } from '../../src/notify/outbound-address-policy.js';

describe('which addresses are internal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['fd00::1', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['168.63.129.16', 'metadata'],
    ['::7f00:1', 'ipv4Compatible'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['not an address', 'invalid'],
  ])('%s is %s', (address, kind) => {
    expect(internalAddressKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '93.184.215.14', '172.32.0.1', '100.128.0.1', '::ffff:8.8.8.8', '2606:4700::1111', '2a00:1450:4001:800::200e'])('%s is public', (address) => {
    expect(internalAddressKind(address)).toBeNull();
  });
});

describe('what a URL names literally', () => {
  it('sees through the forms a URL parser normalises', () => {
    expect(literalInternalAddress('http://2130706433/')).toBe('loopback');
    expect(literalInternalAddress('http://0x7f.1/')).toBe('loopback');
    expect(literalInternalAddress('http://[::ffff:127.0.0.1]:8080/')).toBe('loopback');
    expect(literalInternalAddress('http://169.254.169.254/latest/meta-data/')).toBe('linkLocal');
  });

  it('leaves host names to the check made when connecting', () => {
    expect(literalInternalAddress('http://localhost:8080/')).toBeNull();
    expect(literalInternalAddress('https://hooks.example.com/x')).toBeNull();
    expect(literalInternalAddress('https://93.184.215.14/x')).toBeNull();
  });
});

describe('the operator allow-list (HANDOVER_OUTBOUND_ALLOW)', () => {
  const policy = outboundAddressPolicy(['127.0.0.1', '10.0.0.0/8', 'hooks.corp.example', 'fd00::/8']);

  it('allows listed addresses, ranges and host names, and public addresses', () => {
    expect(policy.refusal('localhost', '127.0.0.1')).toBeNull();
    expect(policy.refusal('localhost', '::ffff:127.0.0.1')).toBeNull();
    expect(policy.refusal('10.9.8.7', '10.9.8.7')).toBeNull();
    expect(policy.refusal('HOOKS.corp.example.', '192.168.1.5')).toBeNull();
    expect(policy.refusal('x', 'fd12::1')).toBeNull();
    expect(policy.refusal('example.com', '93.184.215.14')).toBeNull();
  });

  it('refuses every other internal address', () => {
    expect(policy.refusal('localhost', '::1')).toBe('loopback');
    expect(policy.refusal('localhost', '127.0.0.2')).toBe('loopback');
    expect(policy.refusal('metadata.google.internal', '169.254.169.254')).toBe('linkLocal');
    expect(policy.refusal('other.corp.example', '192.168.1.5')).toBe('private');
    expect(policy.refusal('x', 'fc00::1')).toBe('uniqueLocal');
    expect(outboundAddressPolicy([]).refusal('localhost', '127.0.0.1')).toBe('loopback');
  });

  it('accepts host names, addresses and CIDR ranges as entries', () => {
    expect(['hooks.corp.example', 'localhost', '10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8'].every(isOutboundAllowEntry)).toBe(true);
    expect(['bad host', '10.0.0.0/33', 'http://x/', ''].some(isOutboundAllowEntry)).toBe(false);
  });
});
