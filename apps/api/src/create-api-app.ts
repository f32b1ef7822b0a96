import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { applySecurity } from './security/apply-security';
import { serveWebConsole } from './web-console/web-console';

/** Builds the API application (used by main.ts and by the integration tests). */
export async function createApiApp(): Promise<NestExpressApplication> {
  // bodyParser: false — applySecurity installs the body parsers, with the size limit.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  applySecurity(app);
  serveWebConsole(app);
  const openApi = new DocumentBuilder().setTitle('Duban 督办 API').setVersion('1').addBearerAuth().build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
