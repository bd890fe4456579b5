import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Why an address is not a public one: the ipaddr.js range names
 * (loopback, private, linkLocal, uniqueLocal, carrierGradeNat, unspecified,
 * multicast, reserved, …), `metadata` for cloud metadata services outside
 * those ranges, `ipv4Compatible` for the deprecated ::a.b.c.d form, and
 * `invalid` for anything that does not parse.
 */
export type InternalAddressKind = string;

/** Metadata and platform services that sit on otherwise public addresses. */
const METADATA_ADDRESSES = new Set(['168.63.129.16']);

/**
 * What kind of internal address this is, or null for a public unicast
 * address the service may call. IPv4 inside IPv6 (::ffff:127.0.0.1) is
 * judged as the IPv4 address it reaches.
 */
export function internalAddressKind(address: string): InternalAddressKind | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(bare)) return 'invalid';
  let ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.parts.slice(0, 6).every((part) => part === 0) && v6.range() === 'unicast') return 'ipv4Compatible';
  }
  if (METADATA_ADDRESSES.has(ip.toNormalizedString())) return 'metadata';
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/** A host name as an allow-list entry: letters, digits, hyphens and dots. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** An entry of HANDOVER_OUTBOUND_ALLOW: a host name, an IP address or a CIDR range. */
export function isOutboundAllowEntry(entry: string): boolean {
  return ipaddr.isValidCIDR(entry) || isIP(entry) !== 0 || HOST_NAME.test(entry);
}

export interface OutboundAddressPolicy {
  /**
   * Why connecting to `address` (what `host` resolved to, or the host
   * itself when it is an IP literal) is refused, or null when it may go
   * ahead: public addresses, and internal ones the operator allowed.
   */
  refusal(host: string, address: string): InternalAddressKind | null;
}

/**
 * Public addresses only, except the hosts and ranges the operator lists
 * (HANDOVER_OUTBOUND_ALLOW), e.g. a workflow tool on the internal network.
 */
export function outboundAddressPolicy(allow: readonly string[]): OutboundAddressPolicy {
  const hosts = new Set<string>();
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const entry of allow) {
    if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (isIP(entry)) {
      const ip = ipaddr.parse(entry);
      ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else hosts.add(normalHost(entry));
  }
  const allowed = (host: string, address: string) => {
    if (hosts.has(normalHost(host))) return true;
    const bare = address.replace(/^\[(.*)\]$/, '$1');
    if (!ipaddr.isValid(bare)) return false;
    const ip = ipaddr.process(bare);
    return ranges.some((range) => range[0].kind() === ip.kind() && ip.match(range));
  };
  return {
    refusal(host, address) {
      const kind = internalAddressKind(address);
      return kind && !allowed(host, address) ? kind : null;
    },
  };
}

function normalHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
}

/**
 * The kind of internal address a URL names literally (http://10.0.0.5/,
 * http://[::1]/), or null when it names a public address or a host name
 * (resolved, and checked, only when connecting).
 */
export function literalInternalAddress(url: string): InternalAddressKind | null {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
  return isIP(host) ? internalAddressKind(host) : null;
}
