import { api } from '../api-client';

export const CHANNEL_KINDS = ['webhook', 'dingtalk', 'wecom', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface UnitChannel {
  readonly id?: string;
  readonly kind: ChannelKind;
  /** webhook / dingtalk / wecom: { url, secret? }; email: { to }. Lists show keys and secrets masked. */
  readonly target: { url?: string; secret?: string; to?: string | string[] };
  readonly digest: boolean;
}

export const channelsApi = {
  list: (unit: string) => api.get<UnitChannel[]>(`/units/${encodeURIComponent(unit)}/channels`),
  replace: (unit: string, channels: readonly UnitChannel[]) => api.put<UnitChannel[]>(`/units/${encodeURIComponent(unit)}/channels`, { channels }),
};
