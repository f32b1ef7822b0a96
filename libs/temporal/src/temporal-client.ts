import { Client, Connection } from '@temporalio/client';

export interface TemporalClientOptions {
  readonly address: string;
  readonly namespace: string;
}

/** Connects a Temporal client; the caller owns closing `connection`. */
export async function connectTemporalClient(options: TemporalClientOptions): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: options.address, connectTimeout: '10s' });
  return { client: new Client({ connection, namespace: options.namespace }), connection };
}
