// oidc-provider ships no types and @types/oidc-provider is not installed: the little the tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface ProviderAccount {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface ProviderConfiguration {
    clients?: Array<Record<string, unknown>>;
    jwks?: { keys: Array<Record<string, unknown>> };
    cookies?: { keys?: string[] };
    claims?: Record<string, string[]>;
    findAccount?: (ctx: unknown, id: string) => ProviderAccount | Promise<ProviderAccount | undefined> | undefined;
    ttl?: Record<string, number>;
    features?: Record<string, unknown>;
  }

  /** An OAuth error as oidc-provider raises it; `cause` is the error underneath, when there is one. */
  export interface ProviderError extends Error {
    error_description?: string;
    error_detail?: string;
    cause?: { message?: string };
  }

  export class Provider {
    constructor(issuer: string, configuration?: ProviderConfiguration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    on(event: 'grant.error', listener: (ctx: unknown, error: ProviderError) => void): this;
  }
}
