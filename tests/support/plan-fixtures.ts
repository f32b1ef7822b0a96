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

/**
 * A small plan document of its own for a test (its hash, so its plan, belongs to
 * that test alone; the seed plans are shared by the whole run).
 */
export function uniquePlanDocument(tag: string): Buffer {
  return Buffer.from(
    [
      `南通市“${tag}”专项行动方案（2026—2027年）`,
      '',
      '一、重点任务',
      '1．建设统一受理平台。2026年底前完成平台上线，到2027年6月实现全市覆盖。（责任单位：市卫健委、市发改委）',
      '2．开展基层试点。到2027年底，试点乡镇达到20个。（牵头单位：市发改委；配合单位：市财政局、各县（市、区）政府）',
      '二、保障措施',
      '实行半年通报、年度考核，对推进不力的单位进行约谈。',
      '',
    ].join('\n'),
    'utf8',
  );
}
