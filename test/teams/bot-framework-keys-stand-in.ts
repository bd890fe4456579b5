import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const KEY_ID = 'stand-in-key';

/**
 * A local stand-in for Microsoft's OpenID metadata and signing keys (one RSA
 * key), so botbuilder checks a well-formed token without leaving the
 * machine. `reachable: false` hangs up on every request until
 * `state.reachable` is set (the keys cannot be fetched).
 */
export async function startKeysStandIn(options: { reachable?: boolean } = {}) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const state = { reachable: options.reachable ?? true, hits: 0 };
  const server = createServer((req, res) => {
    state.hits += 1;
    if (!state.reachable) return void req.socket.destroy();
    res.setHeader('content-type', 'application/json');
    if (req.url === '/keys') return void res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/openidconfiguration`,
    base,
    state,
    /** A channel token as the Bot Framework issues it for the app, signed with the key served here. */
    channelToken: (appId: string, serviceUrl: string) => botFrameworkToken(appId, serviceUrl, privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A token shaped like the Bot Framework's for `appId`, naming the stand-in's
 * key id, signed with `signingKey` (null: `alg: none`, no signature).
 */
export function botFrameworkToken(appId: string, serviceUrl: string, signingKey: KeyObject | null): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: signingKey ? 'RS256' : 'none', typ: 'JWT', kid: KEY_ID };
  const unsigned = `${part(header)}.${part({ iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600 })}`;
  if (!signingKey) return `${unsigned}.`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(signingKey).toString('base64url')}`;
}
