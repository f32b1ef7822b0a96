import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';

/**
 * Lazily connected Temporal client: the API starts (and /health reports
 * Temporal down) even when the Temporal server is not up yet.
 */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private connecting: Promise<{ client: Client; connection: Connection }> | null = null;

  constructor(@Inject(DUBAN_CONFIG) private readonly config: DubanConfig) {}

  async client(): Promise<Client> {
    return (await this.connected()).client;
  }

  /** Asks the server for its system info: throws when Temporal does not answer. */
  async ping(): Promise<void> {
    const { connection } = await this.connected();
    await connection.workflowService.getSystemInfo({});
  }

  private connected(): Promise<{ client: Client; connection: Connection }> {
    if (!this.connecting) {
      this.connecting = Connection.connect({ address: this.config.temporalAddress, connectTimeout: '5s' })
        .then((connection) => ({ connection, client: new Client({ connection, namespace: this.config.temporalNamespace }) }))
        .catch((error: unknown) => {
          this.connecting = null;
          throw error;
        });
    }
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connecting) {
      const { connection } = await this.connecting.catch(() => ({ connection: null }));
      await connection?.close();
    }
  }
}

@Global()
@Module({ providers: [TemporalClientProvider], exports: [TemporalClientProvider] })
export class TemporalClientModule {}
