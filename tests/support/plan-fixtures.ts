import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServicesModule } from '@duban/services';
import type { PlanRunSettings } from '@duban/workflows';

export const SEED_PLANS = [
  '000_4299291a12d9de5d.txt',
  '001_c0ed3052eda0fa1b.txt',
  '002_cc373f70ccc640b3.txt',
  '003_be66b3b8c9bc66bb.txt',
  '004_49691a3758a8940d.txt',
] as const;

export function seedPlanBytes(name: string): Buffer {
  return readFileSync(join(__dirname, '../../seeds/plans', name));
}

/**
 * A ladder in milliseconds and deadlines a few seconds away, so the whole
 * overdue escalation runs during a test. Real plans use working days.
 */
export function testSpeedSettings(dueInMs: number, stepMs = 1500): PlanRunSettings {
  return {
    dueInMs,
    defaultDueDate: '2026-12-31',
    ladder: {
      steps: [
        { level: 'urge', afterMs: 0, audiences: ['unit'] },
        { level: 'supervise', afterMs: stepMs, audiences: ['unit', 'supervisors'] },
        { level: 'bulletin', afterMs: 2 * stepMs, audiences: ['unit', 'supervisors', 'bulletin'] },
        { level: 'talk', afterMs: 3 * stepMs, audiences: ['coordinator'] },
      ],
    },
  };
}

/** The service layer in a Nest context of its own (as the CLI uses it). */
export async function startServices(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(ServicesModule, { logger: ['error', 'warn'] });
}
