import type { DataSource } from 'typeorm';
import { DEMO_USERS, insertUser, seedDemoUsers, type NewUser, type TokenPair } from '@duban/accounts';

/** POST /api/v1/auth/login; returns the status and parsed body whatever the outcome. */
export async function login(baseUrl: string, username: string, password: string): Promise<{ status: number; body: TokenPair & ErrorBody }> {
  const response = await postJson(baseUrl, '/api/v1/auth/login', { username, password });
  return { status: response.status, body: (await response.json()) as TokenPair & ErrorBody };
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  details?: Record<string, unknown>;
}

/** Signs in or fails the test with the server's answer. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<TokenPair> {
  const { status, body } = await login(baseUrl, username, password);
  if (status !== 200) throw new Error(`sign-in of ${username} failed with ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Creates the demo users (idempotent) and signs in as the demo admin; the headers go on every API call. */
export async function signInAsDemoAdmin(baseUrl: string, db: DataSource): Promise<{ tokens: TokenPair; headers: Record<string, string> }> {
  await seedDemoUsers(db);
  const admin = DEMO_USERS.find((user) => user.role === 'admin');
  if (!admin) throw new Error('no demo admin');
  const tokens = await signIn(baseUrl, admin.username, admin.password);
  return { tokens, headers: bearer(tokens.accessToken) };
}

/** A user of the test's own, straight into the database (fails if the name is taken). */
export async function createTestUser(db: DataSource, user: NewUser): Promise<string> {
  const created = await insertUser(db.manager, user);
  if (!created) throw new Error(`test user ${user.username} already exists`);
  return created.id;
}

export function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}

export function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
