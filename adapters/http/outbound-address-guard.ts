import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { HandoverError } from '../../src/errors.js';
import type { InternalAddressKind, OutboundAddressPolicy } from '../../src/notify/outbound-address-policy.js';

/** A connection the policy refused: the target is an internal address the operator did not allow. */
export class OutboundAddressRefused extends HandoverError {
  constructor(
    readonly host: string,
    readonly kind: InternalAddressKind,
  ) {
    super('address_not_allowed', 'address not allowed');
  }
}

/** The refusal behind an error from a request (HTTP clients may wrap what the connection failed with). */
export function outboundRefusalOf(error: unknown): OutboundAddressRefused | null {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if (cause instanceof OutboundAddressRefused) return cause;
  }
  return null;
}

/**
 * Resolves as dns.lookup does, then keeps only the addresses the policy
 * allows. The socket connects to what this returns, so a host name that
 * resolves to an internal address (or changes to one between checks, as in
 * DNS rebinding) is refused at the moment of connecting.
 */
export function guardedLookup(policy: OutboundAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refusals = addresses.map((entry) => policy.refusal(hostname, entry.address));
      const allowed = addresses.filter((_, index) => refusals[index] === null);
      if (allowed.length === 0) return callback(new OutboundAddressRefused(hostname, refusals.find(Boolean) ?? 'invalid'), '', 0);
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

/**
 * An undici dispatcher whose every connection passes the policy: IP literals
 * are checked before connecting (Node skips the lookup for them), host names
 * by the guarded lookup. It never follows redirects (undici's request does
 * not), so a public URL cannot bounce the request to an internal one.
 */
export function guardedDispatcher(policy: OutboundAddressPolicy, options: { connectTimeoutMs?: number } = {}): Agent {
  const connect = buildConnector({ lookup: guardedLookup(policy), timeout: options.connectTimeoutMs ?? 10_000 });
  return new Agent({
    connect(target, callback) {
      const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
      const kind = isIP(host) ? policy.refusal(host, host) : null;
      if (kind) return callback(new OutboundAddressRefused(host, kind), null);
      connect(target, callback);
    },
  });
}
