import SwaggerParser from '@apidevtools/swagger-parser';
import { call, documentedRoutes, registeredRoutes, startApiWorld, type ApiWorld } from './api-world';

/** The OpenAPI document is valid OpenAPI 3 and lists exactly the routes the router has. */
describe('OpenAPI document', () => {
  let world: ApiWorld;
  let document: { openapi: string; paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    world = await startApiWorld('api-openapi');
    const response = await call(world, 'GET', '/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body as unknown as typeof document;
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('validates against the OpenAPI 3 schema (swagger-parser)', async () => {
    expect(document.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every route the router registered, and nothing else', () => {
    // /metrics is the Prometheus scrape endpoint, deliberately kept out of the API document.
    const registered = registeredRoutes(world.app).filter((route) => route !== 'GET /metrics');
    expect(registered.length).toBeGreaterThan(30);
    expect(documentedRoutes(document)).toEqual(registered);
  });

  it('declares a response schema for every route, and the one error body for its other answers', () => {
    type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const missing: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, Operation>)) {
        operations += 1;
        const responses = operation.responses ?? {};
        const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
        // A 2xx answer with a schema, or a 204 that has no body by definition.
        const described = success.some(([status, response]) => status === '204' || Object.values(response.content ?? {}).some((media) => media.schema !== undefined));
        if (!described) missing.push(`${method.toUpperCase()} ${path}: no success response schema`);
        const error = responses.default?.content?.['application/json']?.schema as { required?: string[] } | undefined;
        if (!error?.required?.includes('code') || !error.required.includes('message')) missing.push(`${method.toUpperCase()} ${path}: no error body schema`);
      }
    }
    expect(operations).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const response = await fetch(`${world.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });
});
