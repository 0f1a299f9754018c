import 'reflect-metadata';
import { resolveSiteHook } from '@/modules/sites/current-site.js';
import { SITE_HEADER, SiteRegistry } from '@/modules/sites/site-registry.js';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCompress from '@fastify/compress';
import fastifyEtag from '@fastify/etag';
import type { IncomingMessage } from 'node:http';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { AppModule } from '@/app.module.js';
import type { AppConfig } from '@/config/config.js';
import { AppExceptionFilter } from '@/common/errors/app-exception.filter.js';
import { ContractFastifyAdapter } from '@/common/http/contract-fastify-adapter.js';
import { jsonBodiesOnlyHook } from '@/common/http/json-bodies-only.js';
import { securityHeaderOptions } from '@/common/http/response-headers.js';
import { type AppLogger, NestPinoLogger } from '@/common/logging/logger.js';
import { createOpenApiDocument } from '@/common/openapi/openapi-document.js';
import { drainOnClose } from '@/common/shutdown/drain-on-close.js';
import { Metrics } from '@/modules/metrics/metrics.service.js';
import { createValidationPipe } from '@/common/validation/validation.pipe.js';
import { useAbuseModel } from '@/modules/policy/engine/classifier/shipped-model.js';

/** The contract's request body limit. */
export const BODY_LIMIT_BYTES = 16 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The whole HTTP application, configured but not listening: `main.ts` listens, tests use it too, so
 * what is tested is what runs.
 */
export async function createApp(config: AppConfig, logger: AppLogger, databaseUrl: string): Promise<NestFastifyApplication> {
  // Before anything else: a missing or corrupt weights file must stop the start, not the first comment.
  const model = useAbuseModel(config.classifierWeights);
  logger.info({ model: model.name }, 'abuse classifier loaded');
  const adapter = new ContractFastifyAdapter(
    {
      loggerInstance: logger,
      logController: new OneLinePerRequest(),
      bodyLimit: BODY_LIMIT_BYTES,
      // Article ids may be 128 characters, and comment ids are UUIDs.
      routerOptions: { maxParamLength: 256 },
      // A caller's (or proxy's) request id is kept when it is sane, so logs join up across services.
      genReqId: (request: IncomingMessage) => {
        const given = request.headers['x-request-id'];
        return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      },
      // Answered by drainOnClose instead, in the contract's envelope.
      return503OnClosing: false,
    },
    logger,
  );
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger, databaseUrl), adapter, {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  app.useSecurityHeaders(securityHeaderOptions(config));
  app.useGlobalFilters(new AppExceptionFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  // Sites are resolved from memory, before any route: the CORS check allows every site's origins.
  const sites = app.get(SiteRegistry);
  app.enableCors({
    origin: (_origin, callback) => callback(null, sites.allOrigins()),
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-none-match', 'x-request-id', SITE_HEADER],
    exposedHeaders: ['retry-after', 'x-request-id', 'etag'],
    maxAge: 600,
    // An OPTIONS request that is not a full preflight gets an empty 204 rather than the plugin's bare
    // text/plain 400, which is outside the contract's error envelope.
    strictPreflight: false,
  });

  // Reads are the hot path (every page view): an ETag lets the widget and caches revalidate for a 304.
  await app.register(fastifyEtag, { weak: true });
  // After the ETag, which is then the uncompressed text's. A CDN in front may compress instead.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  const fastify = app.getHttpAdapter().getInstance();
  drainOnClose(fastify);
  fastify.addHook('onRequest', resolveSiteHook(sites));
  fastify.addHook('onRequest', jsonBodiesOnlyHook);
  const metrics = app.get(Metrics);
  // These hooks run on every request and wait for nothing: in the callback style, so no promise is
  // made and awaited for each.
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    // Server time of the request, for browsers' dev tools and for the benchmarks.
    void reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    const fresh = reply.statusCode === 200 || reply.statusCode === 304;
    if (request.method === 'GET' && fresh && request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control')) {
      // What was served without credentials is public; a moderator's decision shows within seconds.
      void reply.header('cache-control', request.headers.authorization ? 'private, no-cache' : 'public, max-age=5, stale-while-revalidate=30');
    }
    if (request.method === 'GET' && request.url.startsWith('/api/v1/')) {
      // A token changes the answer (own pending comments, likes), so caches must key on it.
      const vary = reply.getHeader('vary');
      void reply.header('vary', vary ? `${String(vary)}, authorization` : 'authorization');
    }
    done(null, payload);
  });

  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });

  try {
    await app.init();
  } catch (error) {
    // What started before the failing hook (the notification listener, the pools) stops with it.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** One log line per request, when it completes, with what an operator looks for first. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime), err: error ?? undefined },
      'request completed',
    );
  }
}
