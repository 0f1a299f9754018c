import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { ERROR_STATUS, type ErrorCode } from '@/common/errors/app-error.js';
import { articleSchema } from '@/modules/articles/articles.responses.js';
import { providerListSchema, sessionSchema, userSchema } from '@/modules/auth/auth.responses.js';
import { commentPageSchema, postedCommentSchema } from '@/modules/comments/comments.responses.js';
import { queuePageSchema } from '@/modules/moderation/moderation.responses.js';
import { verdictSchema } from '@/modules/policy/policy.responses.js';
import { anArticle } from '../factories/articles.js';
import { aUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
const METHODS: Method[] = ['get', 'put', 'post', 'delete', 'patch'];

interface DocumentedOperation {
  name: string;
  operation: OpenAPIV3.OperationObject;
}

function operationsOf(document: OpenAPIV3.Document): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ name: `${method.toUpperCase()} ${path}`, operation: item[method] }] : [])),
  );
}

/** The error codes an operation's responses list, as `status code` pairs, from the schemas' enums. */
function documentedErrors(operation: OpenAPIV3.OperationObject): string[] {
  return Object.entries(operation.responses).flatMap(([status, response]) => {
    if (Number(status) < 400) return [];
    const schema = (response as OpenAPIV3.ResponseObject).content?.['application/json']?.schema as OpenAPIV3.SchemaObject | undefined;
    const code = (schema?.properties?.error as OpenAPIV3.SchemaObject | undefined)?.properties?.code as OpenAPIV3.SchemaObject | undefined;
    return (code?.enum ?? []).map((value) => `${status} ${String(value)}`);
  });
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIV3.Document;
  let operations: DocumentedOperation[];
  const operation = (name: string): OpenAPIV3.OperationObject => {
    const found = operations.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no operation ${name}`);
    return found.operation;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.http.get('/api/docs/openapi.json');
    expect(response.status).toBe(200);
    document = response.body as OpenAPIV3.Document;
    operations = operationsOf(document);
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI document, by a maintained validator', async () => {
    const result = await validate(structuredClone(document) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
    expect(operations.length).toBeGreaterThan(30);
  });

  it('gives every operation a success answer and its errors, each with the envelope and an example per code', () => {
    for (const { name, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect({ name, success: statuses.some((status) => Number(status) < 400) }).toEqual({ name, success: true });
      expect({ name, errors: documentedErrors(operation) }).toEqual({ name, errors: expect.arrayContaining(['500 INTERNAL', '503 SERVICE_UNAVAILABLE']) });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const content = (response as OpenAPIV3.ResponseObject).content?.['application/json'];
        const codes = documentedErrors({ responses: { [status]: response } }).map((entry) => entry.split(' ')[1] as ErrorCode);
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) {
          expect({ name, code, status: ERROR_STATUS[code] }).toEqual({ name, code, status: Number(status) });
          const example = (content?.examples?.[code] as OpenAPIV3.ExampleObject | undefined)?.value as {
            error: { code: string; message: string; details: object };
          };
          expect({ name, example: example.error }).toEqual({ name, example: { code, message: expect.any(String), details: expect.any(Object) } });
        }
      }
    }
  });

  it('lists what a login, a role, a write and an input imply', () => {
    expect(documentedErrors(operation('GET /api/v1/policy'))).toEqual(['500 INTERNAL', '503 SERVICE_UNAVAILABLE']);
    expect(documentedErrors(operation('PUT /api/v1/articles/{articleId}'))).toEqual(
      expect.arrayContaining(['400 VALIDATION_FAILED', '401 AUTH_REQUIRED', '403 FORBIDDEN', '413 PAYLOAD_TOO_LARGE', '415 UNSUPPORTED_MEDIA_TYPE']),
    );
    expect(documentedErrors(operation('PUT /api/v1/comments/{commentId}/like'))).toContain('403 USER_BANNED');
    expect(documentedErrors(operation('GET /api/v1/me'))).not.toContain('403 USER_BANNED');
    expect(operation('GET /api/v1/articles/{articleId}/comments').security).toEqual([{}, { bearer: [] }]);
    expect(operation('PUT /api/v1/moderation/users/{userId}/role').security).toEqual([{ bearer: [] }]);
  });

  it('lists every error of the contract that posting a comment can answer with, with Retry-After where it applies', () => {
    const post = operation('POST /api/v1/articles/{articleId}/comments');
    expect(documentedErrors(post).sort()).toEqual(
      [
        '400 VALIDATION_FAILED',
        '401 AUTH_REQUIRED',
        '403 ARTICLE_CLOSED',
        '403 USER_BANNED',
        '404 NOT_FOUND',
        '409 REQUEST_IN_PROGRESS',
        '413 PAYLOAD_TOO_LARGE',
        '415 UNSUPPORTED_MEDIA_TYPE',
        '422 COMMENT_EMPTY',
        '422 COMMENT_TOO_LONG',
        '422 IDEMPOTENCY_KEY_REUSED',
        '422 POLICY_REJECTED',
        '429 RATE_LIMITED',
        '500 INTERNAL',
        '503 SERVICE_UNAVAILABLE',
      ].sort(),
    );
    expect((post.responses['429'] as OpenAPIV3.ResponseObject).headers).toHaveProperty('Retry-After');
    expect((post.responses['201'] as OpenAPIV3.ResponseObject).content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/PostedComment' });
    const comment = document.components?.schemas?.Comment as OpenAPIV3.SchemaObject;
    expect(comment.required).toEqual(
      expect.arrayContaining(['id', 'articleId', 'parentId', 'author', 'body', 'status', 'createdAt', 'replyCount', 'likeCount']),
    );
    // Answers may gain fields (the contract adds freely), so clients are not told to refuse them.
    expect(comment.additionalProperties).toBeUndefined();
  });

  it('describes the bearer token as the opaque token it is', () => {
    const scheme = document.components?.securitySchemes?.bearer as OpenAPIV3.HttpSecurityScheme;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(scheme.bearerFormat).toBeUndefined();
    expect(scheme.description).toMatch(/opaque/);
  });

  it('describes the answers the server really gives, by the schemas it is generated from', async () => {
    const admin = await aUser(t.http, { role: 'admin' });
    const moderator = await aUser(t.http, { role: 'moderator' });
    const reader = await aUser(t.http);
    const article = await anArticle(t.http, admin.token);
    const posts = `/api/v1/articles/${article.id}/comments`;
    const answers = [
      [providerListSchema, await t.http.get('/api/v1/auth/providers')],
      [sessionSchema, await t.http.post('/api/v1/auth/dev', { name: 'OpenAPI reader' })],
      [userSchema, await t.http.get('/api/v1/me', { token: reader.token })],
      [articleSchema, await t.http.get(`/api/v1/articles/${article.id}`)],
      [postedCommentSchema, await t.http.post(posts, { body: 'A civil comment about the budget.' }, { token: reader.token })],
      [postedCommentSchema, await t.http.post(posts, { body: '제보는 010-1234-5678 으로 연락 주세요' }, { token: reader.token })],
      [commentPageSchema, await t.http.get(posts, { token: reader.token })],
      [verdictSchema, await t.http.post('/api/v1/policy/evaluate', { body: '연락처 010-9876-5432' }, { token: moderator.token })],
      [queuePageSchema, await t.http.get('/api/v1/moderation/queues/pending', { token: moderator.token })],
    ] as const;
    for (const [schema, response] of answers) {
      expect(response.status).toBeLessThan(300);
      const parsed = schema.safeParse(response.body);
      expect({ issues: parsed.error?.issues ?? [] }).toEqual({ issues: [] });
    }
    expect(answers[6][1].body.comments.map((comment: { review?: unknown }) => comment.review !== undefined)).toContain(true);
    expect(answers[8][1].body.items).toHaveLength(1);
  });
});
