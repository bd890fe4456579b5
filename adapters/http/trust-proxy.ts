import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which proxies may tell us the client's address (X-Forwarded-For), as
 * Express's `trust proxy` takes it: a hop count, or the proxies' addresses.
 * Off, the client is the socket's peer. Trusting everyone is not offered:
 * any client could then choose its own address.
 */
export type TrustProxy = false | number | string[];

/** Names Express (proxy-addr) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

function isProxyAddress(item: string): boolean {
  if (RANGE_NAMES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  // a /0 range trusts every address: the same as trusting everyone
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Parses HANDOVER_TRUST_PROXY: unset or 0 is off, a number is a hop count, else comma-separated addresses, CIDRs or loopback/linklocal/uniquelocal. */
export const trustProxySchema = z
  .string()
  .optional()
  .transform((value, context): TrustProxy => {
    const text = value?.trim() ?? '';
    if (text === '' || text === '0' || text === 'false') return false;
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops <= MAX_HOPS) return hops;
      context.addIssue({ code: 'custom', message: `a hop count is at most ${MAX_HOPS}` });
      return z.NEVER;
    }
    const items = text.split(',').map((item) => item.trim()).filter(Boolean);
    const bad = items.find((item) => !isProxyAddress(item));
    if (bad !== undefined || items.length === 0) {
      context.addIssue({
        code: 'custom',
        message: `"${(bad ?? text).slice(0, 40)}" is not a hop count, an IP address, a CIDR range (prefix 1 or more) or loopback/linklocal/uniquelocal; trusting every proxy is not allowed`,
      });
      return z.NEVER;
    }
    return items;
  });
