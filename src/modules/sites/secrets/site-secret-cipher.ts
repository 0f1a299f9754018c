import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * How a site's publisher SSO secret is kept in `sites.sso_secret`: AES-256-GCM under the deployment's
 * key, as `enc:v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url). The key id (a hash of the key, never
 * the key) says which key to decrypt with, so keys can be rotated; the site id is authenticated with
 * the text, so a value copied to another site's row does not decrypt there.
 */
const PREFIX = 'enc:v1:';
const IV_BYTES = 12;

export class SiteSecretKeyError extends Error {
  override name = 'SiteSecretKeyError';
}

interface Key {
  id: string;
  material: Buffer;
}

function keyOf(material: Buffer): Key {
  const id = createHash('sha256').update('comment-desk site secret key id\0').update(material).digest('base64url').slice(0, 11);
  return { id, material };
}

function additionalData(siteId: string): Buffer {
  return Buffer.from(`sites.sso_secret\0${siteId}`, 'utf8');
}

export class SiteSecretCipher {
  private readonly current: Key | undefined;
  private readonly keys = new Map<string, Key>();

  /** `current` encrypts and decrypts; `old` only decrypts. Without `current`, secrets are written as they are. */
  constructor(current: Buffer | undefined, old: readonly Buffer[] = []) {
    this.current = current ? keyOf(current) : undefined;
    for (const key of [...(this.current ? [this.current] : []), ...old.map(keyOf)]) if (!this.keys.has(key.id)) this.keys.set(key.id, key);
  }

  /** Whether secrets are written encrypted. */
  get encrypts(): boolean {
    return this.current !== undefined;
  }

  static isEncrypted(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  /** The value to store for a site's secret. */
  seal(siteId: string, secret: string): string {
    if (!this.current) return secret;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.material, iv);
    cipher.setAAD(additionalData(siteId));
    const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${PREFIX}${[this.current.id, iv, text, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':')}`;
  }

  /** The secret a stored value holds; a value stored before encryption is returned as it is. */
  open(siteId: string, stored: string): string {
    if (!SiteSecretCipher.isEncrypted(stored)) return stored;
    const [keyId, iv, text, tag] = stored.slice(PREFIX.length).split(':');
    if (!keyId || !iv || text === undefined || !tag)
      throw new SiteSecretKeyError(`the SSO secret of site "${siteId}" is stored in a form this version cannot read`);
    const key = this.keys.get(keyId);
    if (!key) {
      throw new SiteSecretKeyError(
        this.keys.size === 0
          ? `the SSO secret of site "${siteId}" is stored encrypted, and SITE_SECRETS_KEY is not set: set it to the key the secrets were encrypted with`
          : `the SSO secret of site "${siteId}" was encrypted with a key that is neither SITE_SECRETS_KEY nor one of SITE_SECRETS_OLD_KEYS: set the key it was encrypted with`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.material, Buffer.from(iv, 'base64url'));
      decipher.setAAD(additionalData(siteId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(text, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SiteSecretKeyError(`the SSO secret of site "${siteId}" does not decrypt with its key: the stored value was altered or belongs to another site`);
    }
  }

  /** Whether a stored value should be written again: in plain text while a key is set, or under an old key. */
  needsResealing(stored: string): boolean {
    if (!this.current) return false;
    return !stored.startsWith(`${PREFIX}${this.current.id}:`);
  }
}
