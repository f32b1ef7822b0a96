import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CHANNEL_KINDS, isChannelKind } from '@duban/notifications';
import { ChannelSubscriptionEntity, type JsonObject } from '@duban/persistence';
import { isUuid } from './plan.service';
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
    const { id } = await this.unitOf(unit);
    const rows = await this.dataSource.getRepository(ChannelSubscriptionEntity).find({ where: { unit: id, enabled: true }, order: { createdAt: 'ASC' } });
    return rows.map((row) => ({ id: row.id, kind: row.kind, target: redactTarget(row.target), digest: row.digest }));
  }

  /**
   * The directory unit a channel belongs to: its id (what the console sends), or a name only one unit in the
   * directory goes by. Notifications are addressed by unit id, so a channel for a name the directory cannot
   * place would never receive anything: refused instead.
   */
  private async unitOf(unit: string): Promise<{ id: string; name: string }> {
    const key = unit.trim();
    if (key === '' || key.length > 100) throw new ServiceError('invalid_input', 'unit must be 1–100 characters');
    if (/[\u0000-\u001f]/.test(key)) throw new ServiceError('invalid_input', 'unit must not contain control characters');
    const rows = (
      isUuid(key)
        ? await this.dataSource.query('SELECT id::text AS id, name FROM units WHERE id = $1', [key])
        : await this.dataSource.query(
            `SELECT DISTINCT u.id::text AS id, u.name FROM units u LEFT JOIN unit_aliases al ON al.unit_id = u.id
              WHERE u.name = $1 OR u.short_name = $1 OR al.alias = $1`,
            [key],
          )
    ) as { id: string; name: string }[];
    if (rows.length === 1) return rows[0]!;
    if (rows.length > 1) throw new ServiceError('not_found', `有${rows.length}个单位名为“${key}”（不同城市），请按单位 id 设置通知渠道`, { unit: key, candidates: rows.map((row) => row.id) });
    throw new ServiceError('not_found', `单位“${key}”不在组织目录中`, { unit: key });
  }

  /** Replaces the unit's channels with `channels` (all validated first; nothing changes on a bad one). */
  async replace(unit: string, channels: readonly UnitChannelInput[]): Promise<UnitChannelView[]> {
    const problems = channels.map(validateChannel).filter((problem): problem is string => problem !== null);
    if (problems.length) throw new ServiceError('invalid_input', problems.join('; '), { fields: Object.fromEntries(problems.map((problem) => [problem.split(' ')[0]!, [problem]])) });
    const { id, name } = await this.unitOf(unit);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(ChannelSubscriptionEntity, { unit: id });
      if (channels.length) {
        await manager.insert(
          ChannelSubscriptionEntity,
          channels.map((channel) => ({ unit: id, unitName: name, kind: channel.kind, target: channel.target as JsonObject, digest: channel.digest ?? false, enabled: true })),
        );
      }
    });
    return this.list(id);
  }
}
