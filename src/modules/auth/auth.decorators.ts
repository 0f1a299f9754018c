import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { SiteRequest } from '@/modules/sites/current-site.js';
import type { Principal, Role } from './auth.types.js';

export const AUTH_POLICY = 'comment-desk:auth-policy';

export interface AuthPolicy {
  /** `required`: 401 without a valid token. `optional`: anonymous callers pass, with no principal. */
  mode: 'required' | 'optional';
  /** The lowest role allowed (reader < moderator < admin < operator). */
  minRole?: Role;
  /**
   * A write: banned and suspended users get 403 USER_BANNED. Unset on a staff route (one with a
   * `minRole` above reader), every method but GET and HEAD counts as a write, so a banned
   * moderator or admin can still look but not act.
   */
  writes?: boolean;
}

export type AuthenticatedRequest = SiteRequest & { principal?: Principal };

/** The route needs a valid bearer token, and optionally a role or an account allowed to write. */
export const Authenticated = (options: Omit<AuthPolicy, 'mode'> = {}): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(AUTH_POLICY, { mode: 'required', ...options } satisfies AuthPolicy), ApiBearerAuth());

/** The route serves anyone, and knows the caller when a valid token comes with the request. */
export const OptionalAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(AUTH_POLICY, { mode: 'optional' } satisfies AuthPolicy), ApiBearerAuth());

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
