import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { StateStore } from '../store/state-store.js';

const epoch = (): number => Math.floor(Date.now() / 1000);

/**
 * oidc-provider storage adapter on top of the persisted StateStore (one instance per model name).
 * Consumed tokens are kept, marked: replaying a used refresh token then lets oidc-provider revoke
 * the whole grant, which is what Keycloak does with revokeRefreshToken (the client's session ends).
 */
export class FileAdapter implements Adapter {
  constructor(
    private readonly store: StateStore,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    await this.store.put(this.model, id, { ...payload }, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.model, id) as AdapterPayload | undefined;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const match = this.store.list(this.model).find(([, value]) => value.uid === uid);
    return match?.[1] as AdapterPayload | undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const match = this.store.list(this.model).find(([, value]) => value.userCode === userCode);
    return match?.[1] as AdapterPayload | undefined;
  }

  async consume(id: string): Promise<void> {
    const value = this.store.get(this.model, id);
    if (value) {
      value.consumed = epoch();
      await this.store.flush();
    }
  }

  async destroy(id: string): Promise<void> {
    await this.store.remove(this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.store.removeWhere(this.model, (value) => value.grantId === grantId);
  }
}
