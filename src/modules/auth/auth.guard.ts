import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthRequiredError, ForbiddenError, UserBannedError } from '@/common/errors/app-error.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import { AUTH_POLICY, type AuthenticatedRequest, type AuthPolicy } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { type Role, userStatus } from './auth.types.js';

const RANK: Record<Role, number> = { reader: 0, moderator: 1, admin: 2, operator: 3 };

/** Whether `role` is at least `minimum` (reader < moderator < admin < operator). */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * Global guard. Routes without @Authenticated/@OptionalAuth are public and never read the token.
 * Order matters: the token is checked first (401), and a token is valid only on its user's site
 * (an operator's on every site), then the role (403 FORBIDDEN), then, for writes, the ban (403
 * USER_BANNED), so a banned moderator still cannot write. Every change a staff route
 * makes is a write unless the route says otherwise.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly sites: SiteRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AuthPolicy | undefined>(AUTH_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    const session = token ? await this.auth.authenticate(token) : null;
    const site = request.site!;
    const home = session ? this.sites.scopeOf(session.user.siteId) : null;
    const onItsSite = home === site || session?.user.role === 'operator';
    if (!session || !home || !onItsSite) {
      if (policy.mode === 'optional') return true;
      if (session) throw new AuthRequiredError('This login is for another site; log in on this one.');
      throw new AuthRequiredError(token ? 'Your login has expired or was revoked; log in again.' : 'Log in to do this.');
    }
    const principal = { ...session, site, home };
    request.principal = principal;
    if (policy.minRole && !hasRole(principal.user.role, policy.minRole)) throw new ForbiddenError();
    if (writes(policy, request.method) && userStatus(principal.user) !== 'active') throw new UserBannedError(principal.user.bannedUntil);
    return true;
  }
}

const LOOKS = new Set(['GET', 'HEAD']);

/** Whether a request by this method to a route of this policy is a write (so refused to banned users). */
export function writes(policy: AuthPolicy, method: string): boolean {
  if (policy.writes !== undefined) return policy.writes;
  return policy.minRole !== undefined && policy.minRole !== 'reader' && !LOOKS.has(method);
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}
