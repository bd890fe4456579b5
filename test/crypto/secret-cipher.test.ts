import { describe, expect, it } from 'vitest';
import { createSecretCipher, isSealedSecret } from '../../adapters/crypto/secret-cipher.js';

describe('secret cipher', () => {
  it('opens a Slack installation sealed by the cipher before it moved out of the Slack adapter', () => {
    // sealed by adapters/slack/token-cipher.ts at ae1eae4 with this key
    const sealedByOldCode = 'v1.MLtBnb0PQfbZRR/o.gjBx/Z/lTnnLF0WiwwFXWg==.WXBGg7dQgpQbVsl7C1HuSU3UpVPmtITECp2+Zxtv2CWgk81Z';
    expect(createSecretCipher('old-deployment-key-0123456789abcdef').decrypt(sealedByOldCode)).toBe('{"bot":{"token":"xoxb-111-222-abc"}}');
  });

  it('seals a secret so the stored value does not hold it, and opens it again', () => {
    const cipher = createSecretCipher('a-key-of-at-least-thirty-two-characters');
    const sealed = cipher.encrypt('whsec_c2VjcmV0');
    expect(isSealedSecret(sealed)).toBe(true);
    expect(sealed).not.toContain('c2VjcmV0');
    expect(cipher.decrypt(sealed)).toBe('whsec_c2VjcmV0');
    expect(isSealedSecret('whsec_c2VjcmV0')).toBe(false);
  });

  it('a wrong key is refused with a line naming HANDOVER_ENCRYPTION_KEY', () => {
    const sealed = createSecretCipher('a-key-of-at-least-thirty-two-characters').encrypt('whsec_x');
    expect(() => createSecretCipher('another-key-of-thirty-two-characters!!').decrypt(sealed)).toThrow(/^HANDOVER_ENCRYPTION_KEY: does not open/);
  });
});
