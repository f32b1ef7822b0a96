import type { INestApplicationContext } from '@nestjs/common';

/**
 * Runs `work` with the service layer (database, Temporal client) in a Nest
 * application context, closed afterwards. Imported lazily: `duban parse` never pays for it.
 */
export async function withServices<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const { NestFactory } = await import('@nestjs/core');
  const { ServicesModule } = await import('@duban/services');
  const app = await NestFactory.createApplicationContext(ServicesModule, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
