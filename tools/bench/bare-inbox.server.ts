/**
 * bench:api's floor: node:http and pg with nothing between them, answering the inbox's very statement with its rows
 * as JSON — what one request costs on this machine before any framework, authentication or validation. Started by
 * api.bench.ts as a process of its own (BARE_PORT, DATABASE_URL, BARE_STATEMENT: {"text", "values"} as JSON).
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const { BARE_PORT, DATABASE_URL, BARE_STATEMENT } = process.env;
const statement = JSON.parse(BARE_STATEMENT!) as { text: string; values: unknown[] };
const pool = new Pool({ connectionString: DATABASE_URL, max: 10 });
pool.on('error', () => undefined);

createServer((_request, response) => {
  pool.query(statement.text, statement.values).then(
    (result) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ items: result.rows }));
    },
    (error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    },
  );
}).listen(Number(BARE_PORT), '127.0.0.1', () => process.stderr.write('bare server listening\n'));
