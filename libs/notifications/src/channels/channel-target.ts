/**
 * Per-unit settings of each channel (stored with the unit's subscriptions).
 * URLs of robots carry their credential (access_token, key): never log them.
 */
export interface WebhookTarget {
  readonly url: string;
  /** When set, the body is signed (X-Duban-Signature). */
  readonly secret?: string;
}

export interface DingTalkTarget {
  /** https://oapi.dingtalk.com/robot/send?access_token=… */
  readonly url: string;
  /** The robot's 加签 secret (SEC…); required when the robot's security setting is signing. */
  readonly secret?: string;
  /** markdown (default) or text. */
  readonly msgtype?: 'markdown' | 'text';
  /** Mobile numbers to @ in the group. */
  readonly atMobiles?: readonly string[];
  readonly atAll?: boolean;
}

export interface WeComTarget {
  /** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
  readonly url: string;
  /** markdown (default) or text; WeCom only honours mentions in text messages. */
  readonly msgtype?: 'markdown' | 'text';
  /** Mobile numbers to @ (text messages only); '@all' mentions everyone. */
  readonly mentionedMobiles?: readonly string[];
}

export interface EmailTarget {
  readonly to: string | readonly string[];
}

export interface ChannelTargets {
  readonly webhook: WebhookTarget;
  readonly dingtalk: DingTalkTarget;
  readonly wecom: WeComTarget;
  readonly email: EmailTarget;
}

export type ChannelTargetOf<K extends keyof ChannelTargets> = ChannelTargets[K];

export type ChannelTarget = ChannelTargets[keyof ChannelTargets];
