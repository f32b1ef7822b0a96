import { Client } from 'pg';

/** Database names we create are plain identifiers; anything else is refused rather than quoted cleverly. */
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the database named in the URL when it does not exist yet (connecting to the `postgres` maintenance database). */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!SAFE_NAME.test(name)) throw new Error(`Database name "${name}" must match ${SAFE_NAME}`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Drops a database (tests only: each run makes its own). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!SAFE_NAME.test(name)) throw new Error(`Database name "${name}" must match ${SAFE_NAME}`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
