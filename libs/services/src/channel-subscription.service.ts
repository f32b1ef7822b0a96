import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CHANNEL_KINDS, isChannelKind } from '@duban/notifications';
import { ChannelSubscriptionEntity, type JsonObject } from '@duban/persistence';
import { ServiceError } from './service-errors';

export interface UnitChannelInput {
  readonly kind: string;
  readonly target: Record<string, unknown>;
  readonly digest?: boolean;
}

export interface UnitChannelView {
  readonly id: string;
  readonly kind: string;
  readonly target: Record<string, unknown>;
  readonly digest: boolean;
}

/** Robot URLs carry their credential (access_token, key): lists show where, never the secret itself. */
function redactTarget(target: JsonObject): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...target };
  if (typeof shown.url === 'string') {
    const url = new URL(shown.url);
    for (const key of ['access_token', 'key']) if (url.searchParams.has(key)) url.searchParams.set(key, '***');
    shown.url = url.toString();
  }
  if ('secret' in shown) shown.secret = '***';
  return shown;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks one channel's settings; the reason names the field (the API answers 400 with it). */
function validateChannel(channel: UnitChannelInput, index: number): string | null {
  const at = `channels.${index}`;
  if (!isChannelKind(channel.kind)) return `${at}.kind must be one of ${CHANNEL_KINDS.join(', ')}`;
  if (typeof channel.target !== 'object' || channel.target === null || Array.isArray(channel.target)) return `${at}.target must be an object`;
  if (channel.kind === 'email') {
    const to = channel.target.to;
    const list = Array.isArray(to) ? to : [to];
    return list.length > 0 && list.every((address) => typeof address === 'string' && EMAIL.test(address)) ? null : `${at}.target.to must be an e-mail address or a list of them`;
  }
  if (!isHttpUrl(channel.target.url)) return `${at}.target.url must be an http(s) URL`;
  if (channel.target.secret !== undefined && (typeof channel.target.secret !== 'string' || channel.target.secret === '')) return `${at}.target.secret must be a non-empty string`;
  return null;
}

/** Where each unit wants its notifications besides the in-app inbox (administrators manage it). */
@Injectable()
export class ChannelSubscriptionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(unit: string): Promise<UnitChannelView[]> {
    const rows = await this.dataSource.getRepository(ChannelSubscriptionEntity).find({ where: { unit, enabled: true }, order: { createdAt: 'ASC' } });
    return rows.map((row) => ({ id: row.id, kind: row.kind, target: redactTarget(row.target), digest: row.digest }));
  }

  /** Replaces the unit's channels with `channels` (all validated first; nothing changes on a bad one). */
  async replace(unit: string, channels: readonly UnitChannelInput[]): Promise<UnitChannelView[]> {
    const name = unit.trim();
    if (name === '' || name.length > 100) throw new ServiceError('invalid_input', 'unit must be 1–100 characters');
    const problems = channels.map(validateChannel).filter((problem): problem is string => problem !== null);
    if (problems.length) throw new ServiceError('invalid_input', problems.join('; '), { fields: Object.fromEntries(problems.map((problem) => [problem.split(' ')[0]!, [problem]])) });
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(ChannelSubscriptionEntity, { unit: name });
      if (channels.length) {
        await manager.insert(
          ChannelSubscriptionEntity,
          channels.map((channel) => ({ unit: name, kind: channel.kind, target: channel.target as JsonObject, digest: channel.digest ?? false, enabled: true })),
        );
      }
    });
    return this.list(name);
  }
}
