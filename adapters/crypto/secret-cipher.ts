import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { HandoverError } from '../../src/errors.js';

/**
 * AES-256-GCM for secrets kept in the database (Slack installations' tokens,
 * external bots' webhook signing secrets): a stolen database dump alone does
 * not give access to anyone's workspace nor lets anyone sign events. The key
 * is derived from HANDOVER_ENCRYPTION_KEY; losing it means the workspaces
 * must install the app again and the bots' webhook secrets be rotated.
 *
 * Format `v1.<iv>.<tag>.<body>` (base64): values sealed before this module
 * left the Slack adapter open unchanged.
 */
export function createSecretCipher(secret: string) {
  const key = createHash('sha256').update(secret).digest();
  return {
    encrypt(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed: string): string {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('not a sealed value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // GCM's own message ("unable to authenticate data") names neither the cause nor the fix
        throw new SecretKeyMismatchError();
      }
    },
  };
}

export type SecretCipher = ReturnType<typeof createSecretCipher>;

/** Whether a stored value is one of ours sealed (not a plain secret kept from before encryption). */
export function isSealedSecret(value: string): boolean {
  return value.startsWith('v1.');
}

/** A sealed value that the configured key does not open: another deployment's key, or a changed one. */
export class SecretKeyMismatchError extends HandoverError {
  constructor() {
    super('env_config', 'HANDOVER_ENCRYPTION_KEY: does not open the secrets stored in the database (they were sealed under another key); set the key they were sealed with');
  }
}
