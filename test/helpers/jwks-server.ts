import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';

/** A key pair a publisher signs its SSO tokens with; the public half is what its key set lists. */
export interface PublisherSigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** The public key as SPKI PEM: what an attacker would try as an HMAC secret. */
  publicKeyPem: string;
}

export async function aPublisherSigningKey(alg = 'RS256', kid = `key-${randomUUID()}`): Promise<PublisherSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
    publicKeyPem: await exportSPKI(publicKey),
  };
}

/**
 * `serve` the key set; answer `500`; `hang` (accept the request and never answer); `reset` the
 * connection; `flood`: the key set padded with a megabyte of junk keys, in chunks with no length.
 */
export type JwksServerBehaviour = 'serve' | 'fail' | 'hang' | 'reset' | 'flood';

export interface TestJwksServer {
  url: string;
  /** Requests for the key set so far, answered or not. */
  readonly fetches: number;
  /** The keys listed from now on: signing keys by their public half, or any JWK as it is. */
  publish(keys: Array<PublisherSigningKey | JWK>): void;
  behave(behaviour: JwksServerBehaviour): void;
  close(): Promise<void>;
}

/** A publisher's JWKS endpoint on a loopback port, plain `node:http`. */
export async function startJwksServer(keys: Array<PublisherSigningKey | JWK> = []): Promise<TestJwksServer> {
  let body = '';
  let behaviour: JwksServerBehaviour = 'serve';
  let fetches = 0;
  const publish = (next: Array<PublisherSigningKey | JWK>): void => {
    body = JSON.stringify({ keys: next.map((key) => ('publicJwk' in key ? key.publicJwk : key)) });
  };
  publish(keys);

  const server: Server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetches++;
    switch (behaviour) {
      case 'serve':
        response.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(body);
        return;
      case 'fail':
        response.writeHead(500, { 'content-type': 'text/plain' }).end('key server error');
        return;
      case 'hang':
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'flood': {
        response.writeHead(200, { 'content-type': 'application/jwk-set+json' });
        const junk = JSON.stringify({ kty: 'oct', kid: 'junk', k: 'A'.repeat(1000) });
        const listed = body.replace(/\]\}$/, '');
        response.write(listed);
        for (let n = 0; n < 1000; n++) response.write(`${n > 0 || !listed.endsWith('[') ? ',' : ''}${junk}`);
        response.end(']}');
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get fetches() {
      return fetches;
    },
    publish,
    behave(next) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL where nothing listens (a key server that is down). */
export async function aClosedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/.well-known/jwks.json`;
}
