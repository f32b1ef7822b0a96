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

  it('serves Swagger UI at /api/docs', async () => {
    const response = await fetch(`${world.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });
});
