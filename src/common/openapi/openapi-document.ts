import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addErrorResponses, type RouteHandler } from './error-responses.js';
import { zodJsonSchema } from './zod-json-schema.js';

const TOKEN_SCHEME = [
  'An opaque access token (`cd_` and 43 base64url characters; not a JWT, nothing to decode), from',
  '`POST /api/v1/auth/sso`, the popup login (`GET /api/v1/auth/{provider}`) or, in the demo, `POST /api/v1/auth/dev`.',
  'Send it as `Authorization: Bearer <accessToken>`. It is valid until its `expiresAt` (ACCESS_TOKEN_TTL_SECONDS, 7 days',
  'by default) and ends at once with `POST /api/v1/auth/logout`; a token that is unknown, expired or revoked answers',
  '401 AUTH_REQUIRED. Routes whose lock is optional also serve anonymous callers: there a token only adds what is the',
  'caller’s own (held comments, likes), and one that is no longer valid counts as none.',
].join(' ');

/**
 * The OpenAPI document: routes, inputs and answers from the zod schemas the routes declare, and
 * the errors each operation can answer with (error-responses.ts).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Comment Desk API')
    .setDescription(
      'Comments under news articles: login, posting, the Standards Board policy and moderation. Every error is `{ "error": { "code", "message", "details" } }`; act on the code, which never changes meaning. Answers may gain fields: ignore those you do not know.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: TOKEN_SCHEME }, 'bearer')
    .build();
  // DocumentBuilder calls every bearer token a JWT; ours are not.
  const scheme = config.components?.securitySchemes?.bearer;
  if (scheme && 'bearerFormat' in scheme) delete scheme.bearerFormat;
  const document = SwaggerModule.createDocument(app, config, { standardSchemaConverter: zodJsonSchema });
  addErrorResponses(document, routeHandlers(app));
  return document;
}

/** Every route handler of the application, by the operation id Swagger gives it (`Controller_method`). */
function routeHandlers(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler)) handlers.set(`${controller.name}_${name}`, { controller, handler });
      }
    }
  }
  return handlers;
}
