import { generateKeyPair, randomBytes, createPublicKey, type JsonWebKey } from 'node:crypto';
import { join } from 'node:path';
import { JsonFile } from '../store/json-file.js';

/** A private RSA signing key as a JWK (what oidc-provider's `jwks` option takes). */
export interface SigningJwk extends JsonWebKey {
  kid: string;
  kty: 'RSA';
  alg: 'RS256';
  use: 'sig';
}

interface KeysDocument {
  signing: SigningJwk[];
  /** Keys oidc-provider signs its cookies with (keygrip): stable so a restart keeps sessions. */
  cookieKeys: string[];
}

async function newSigningKey(): Promise<SigningJwk> {
  const { privateKey } = await new Promise<{ privateKey: import('node:crypto').KeyObject }>(
    (resolve, reject) =>
      generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, key) =>
        error ? reject(error) : resolve({ privateKey: key }),
      ),
  );
  // Keycloak's kids are 43-character base64url strings; ours look the same.
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(32).toString('base64url'),
    kty: 'RSA',
    alg: 'RS256',
    use: 'sig',
  };
}

/** Signing keys persisted under the data dir; the first key signs, the others stay published. */
export class KeyStore {
  private document: KeysDocument = { signing: [], cookieKeys: [] };
  private readonly file: JsonFile<KeysDocument>;

  private constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'keys.json'), () => this.document);
  }

  static async open(dataDir: string): Promise<KeyStore> {
    const store = new KeyStore(dataDir);
    const saved = await JsonFile.read<KeysDocument>(store.file.path);
    if (saved && saved.signing.length > 0) {
      store.document = saved;
    } else {
      store.document = {
        signing: [await newSigningKey()],
        cookieKeys: [randomBytes(32).toString('base64url')],
      };
      await store.file.write();
    }
    return store;
  }

  /** Private JWKS for oidc-provider (first key = current signing key). */
  get jwks(): { keys: SigningJwk[] } {
    return { keys: this.document.signing.map((key) => ({ ...key })) };
  }

  get cookieKeys(): string[] {
    return [...this.document.cookieKeys];
  }

  /** Public JWKS, for verifying our own tokens locally (admin API, userinfo, introspection). */
  get publicJwks(): { keys: JsonWebKey[] } {
    return {
      keys: this.document.signing.map((key) => ({
        ...createPublicKey({ key, format: 'jwk' }).export({ format: 'jwk' }),
        kid: key.kid,
        alg: key.alg,
        use: key.use,
      })),
    };
  }

  get currentKid(): string {
    return this.document.signing[0]!.kid;
  }

  /** Adds a new signing key in front; older keys stay published so issued tokens still verify. */
  async rotate(): Promise<string> {
    const key = await newSigningKey();
    this.document = { ...this.document, signing: [key, ...this.document.signing] };
    await this.file.write();
    return key.kid;
  }
}
