import { Socket } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import passport, { type Strategy, type StrategyCreated } from 'passport';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';
import { type PassportRequest, runPassportStrategy } from './fastify-passport-bridge.js';

type Authenticate = (this: StrategyCreated<Strategy>, req: Request & { session: Record<string, unknown> }) => void;

/** A Passport instance with one strategy, registered under `name`. */
function passportWith(name: string, authenticate: Authenticate): InstanceType<typeof passport.Passport> {
  const authenticator = new passport.Passport();
  authenticator.use(name, { authenticate } as unknown as Strategy);
  return authenticator;
}

function aRequest(overrides: Partial<PassportRequest> = {}): PassportRequest {
  return { raw: { method: 'GET', headers: { host: 'comments.example.com' }, socket: new Socket() }, url: '/api/v1/auth/test', state: {}, ...overrides };
}

describe('runPassportStrategy', () => {
  it("captures a strategy's redirect (statusCode, setHeader, end) instead of writing to the socket", async () => {
    const authenticator = passportWith('test', function () {
      this.redirect('https://idp.example/authorize?client_id=x');
    });
    await expect(runPassportStrategy(authenticator, 'test', aRequest())).resolves.toEqual({
      kind: 'redirect',
      location: 'https://idp.example/authorize?client_id=x',
      status: 302,
    });
  });

  it('gives the strategy the query, the path and the transaction state as req.session, and keeps what it stores there', async () => {
    const state: Record<string, unknown> = { kept: { state: 'abc' } };
    let seen: unknown;
    const authenticator = passportWith('test', function (req) {
      seen = { query: req.query, url: req.url, originalUrl: req.originalUrl, method: req.method, host: req.headers.host, kept: req.session.kept };
      req.session.stored = 'by the strategy';
      this.redirect('https://idp.example/');
    });
    await runPassportStrategy(authenticator, 'test', aRequest({ url: '/api/v1/auth/test/callback?code=c1&state=s1&state=s2', state }));
    expect(seen).toEqual({
      // A repeated parameter counts once: its first value.
      query: { code: 'c1', state: 's1' },
      url: '/api/v1/auth/test/callback?code=c1&state=s1&state=s2',
      originalUrl: '/api/v1/auth/test/callback?code=c1&state=s1&state=s2',
      method: 'GET',
      host: 'comments.example.com',
      kept: { state: 'abc' },
    });
    expect(state.stored).toBe('by the strategy');
  });

  it("answers success with the verify callback's user and info", async () => {
    const authenticator = passportWith('test', function () {
      this.success({ subject: 'u-1' }, { scope: 'openid' });
    });
    await expect(runPassportStrategy(authenticator, 'test', aRequest())).resolves.toEqual({
      kind: 'success',
      user: { subject: 'u-1' },
      info: { scope: 'openid' },
    });
  });

  it.each<[string, Authenticate, { reason: string | undefined; status: number | undefined }]>([
    [
      'a failure with a message and status',
      function () {
        this.fail({ message: 'Invalid authorization request state.' }, 403);
      },
      { reason: 'Invalid authorization request state.', status: 403 },
    ],
    [
      'a failure with a bare challenge',
      function () {
        this.fail('Bearer realm="x"');
      },
      { reason: 'Bearer realm="x"', status: undefined },
    ],
    [
      'a pass (no authentication at all)',
      function () {
        this.pass();
      },
      { reason: 'the strategy passed the request on', status: undefined },
    ],
  ])('answers fail for %s', async (_, authenticate, expected) => {
    await expect(runPassportStrategy(passportWith('test', authenticate), 'test', aRequest())).resolves.toEqual({ kind: 'fail', ...expected });
  });

  it.each<[string, Authenticate]>([
    [
      'a strategy error',
      function () {
        this.error(new Error('token endpoint said no'));
      },
    ],
    [
      'a strategy that throws',
      function () {
        throw new Error('boom');
      },
    ],
  ])('answers error for %s', async (_, authenticate) => {
    const outcome = await runPassportStrategy(passportWith('test', authenticate), 'test', aRequest());
    expect(outcome.kind).toBe('error');
  });

  it('answers error for a strategy name that is not registered', async () => {
    const outcome = await runPassportStrategy(new passport.Passport(), 'nobody', aRequest());
    expect(outcome).toEqual({ kind: 'error', error: expect.objectContaining({ message: 'Unknown authentication strategy "nobody"' }) });
  });

  it('settles once: what a strategy says after its first answer is ignored', async () => {
    const authenticator = passportWith('test', function () {
      this.success({ subject: 'first' });
      this.error(new Error('second'));
    });
    await expect(runPassportStrategy(authenticator, 'test', aRequest())).resolves.toMatchObject({ kind: 'success', user: { subject: 'first' } });
  });

  it('answers error when a strategy hangs (a provider that never answers)', async () => {
    const outcome = await runPassportStrategy(
      passportWith('test', () => {}),
      'test',
      aRequest(),
      {},
      50,
    );
    expect(outcome).toEqual({ kind: 'error', error: expect.objectContaining({ message: expect.stringContaining('did not finish within 50 ms') }) });
  });

  it('keeps concurrent requests to one registered strategy apart', async () => {
    const authenticator = passportWith('test', function (req) {
      const subject = req.query.who as string;
      setTimeout(() => this.success({ subject }), subject === 'slow' ? 30 : 1);
    });
    const [slow, fast] = await Promise.all([
      runPassportStrategy(authenticator, 'test', aRequest({ url: '/x?who=slow' })),
      runPassportStrategy(authenticator, 'test', aRequest({ url: '/x?who=fast' })),
    ]);
    expect(slow).toMatchObject({ user: { subject: 'slow' } });
    expect(fast).toMatchObject({ user: { subject: 'fast' } });
  });

  it('runs a real passport-oauth2 strategy: its state goes into the transaction state, and a wrong state fails', async () => {
    const authenticator = new passport.Passport();
    authenticator.use(
      'google',
      new GoogleStrategy(
        { clientID: 'client-1', clientSecret: 'secret', callbackURL: 'https://comments.example.com/cb', state: true, pkce: true, sessionKey: 'google' },
        () => {},
      ),
    );
    const state: Record<string, unknown> = {};
    const start = await runPassportStrategy(authenticator, 'google', aRequest({ state }));
    expect(start.kind).toBe('redirect');
    const sent = new URL((start as { location: string }).location).searchParams;
    expect(sent.get('code_challenge_method')).toBe('S256');
    expect(state).toEqual({ google: { state: { handle: sent.get('state'), code_verifier: expect.any(String) } } });

    const callback = await runPassportStrategy(authenticator, 'google', aRequest({ url: '/cb?code=abc&state=forged', state }));
    expect(callback).toEqual({ kind: 'fail', reason: 'Invalid authorization request state.', status: 403 });
  });
});
