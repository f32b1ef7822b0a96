import type { UnitChannelSubscription } from './channel-subscription';
import { routeToChannels, subscriptionKey, unitsWithDigest } from './channel-routing';
import { CHANNEL_KINDS } from './notification-channel';

const FINANCE = '市财政局';
const EDUCATION = '市教育局';

const financeDingTalk: UnitChannelSubscription = { unit: FINANCE, kind: 'dingtalk', target: { url: 'https://ding/1', secret: 'SEC1' }, digest: true };
const financeEmail: UnitChannelSubscription = { unit: FINANCE, kind: 'email', target: { to: 'office@finance.example' }, digest: false };
const financeWebhook: UnitChannelSubscription = { unit: FINANCE, kind: 'webhook', target: { url: 'https://hook/1' }, digest: false };
const educationWeCom: UnitChannelSubscription = { unit: EDUCATION, kind: 'wecom', target: { url: 'https://wecom/1' }, digest: true };
const all = [financeDingTalk, financeEmail, financeWebhook, educationWeCom];

describe('routeToChannels', () => {
  it('holds a digestible message back for digest subscriptions and sends it now to the others', () => {
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'assignment.urged' }, CHANNEL_KINDS)).toEqual({
      now: [financeEmail, financeWebhook],
      inDigest: [financeDingTalk],
    });
  });

  it('sends an urgent message (约谈) now on every channel of the unit', () => {
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'assignment.talk_triggered' }, CHANNEL_KINDS)).toEqual({
      now: [financeDingTalk, financeEmail, financeWebhook],
      inDigest: [],
    });
  });

  it('sends an unknown kind now rather than hiding it in a digest', () => {
    expect(routeToChannels(all, { recipient: EDUCATION, kind: 'plan.published' }, CHANNEL_KINDS).now).toEqual([educationWeCom]);
  });

  it("follows the message's own digest flag over the kind's default", () => {
    // An escalation to 催办 is batched; one to 督办 (same kind) is not.
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'assignment.escalated', digest: true }, CHANNEL_KINDS).inDigest).toEqual([financeDingTalk]);
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'assignment.escalated', digest: false }, CHANNEL_KINDS).inDigest).toEqual([]);
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'assignment.escalated' }, CHANNEL_KINDS).inDigest).toEqual([]);
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'reminder.due_soon', digest: false }, CHANNEL_KINDS).now).toHaveLength(3);
  });

  it('sends the daily digest only to digest subscriptions', () => {
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'digest.daily' }, CHANNEL_KINDS)).toEqual({ now: [financeDingTalk], inDigest: [] });
  });

  it('skips channels that are not enabled and other units', () => {
    expect(routeToChannels(all, { recipient: FINANCE, kind: 'assignment.closure_rejected' }, ['webhook', 'dingtalk'])).toEqual({
      now: [financeDingTalk, financeWebhook],
      inDigest: [],
    });
    expect(routeToChannels(all, { recipient: '市卫健委', kind: 'assignment.urged' }, CHANNEL_KINDS)).toEqual({ now: [], inDigest: [] });
  });

  it('sends once to a target listed twice (same settings, keys in another order)', () => {
    const twice: UnitChannelSubscription = { unit: FINANCE, kind: 'dingtalk', target: { secret: 'SEC1', url: 'https://ding/1' }, digest: true };
    expect(routeToChannels([financeDingTalk, twice], { recipient: FINANCE, kind: 'assignment.talk_triggered' }, CHANNEL_KINDS).now).toEqual([financeDingTalk]);
  });
});

describe('subscriptionKey and unitsWithDigest', () => {
  it('identifies a destination by kind and target, independent of key order', () => {
    expect(subscriptionKey(financeDingTalk)).toBe('dingtalk:{"secret":"SEC1","url":"https://ding/1"}');
    expect(subscriptionKey({ ...financeDingTalk, target: { url: 'https://ding/1', secret: 'SEC1', atMobiles: undefined } })).toBe(subscriptionKey(financeDingTalk));
  });

  it('lists the units taking a digest on an enabled channel', () => {
    expect(unitsWithDigest(all, CHANNEL_KINDS)).toEqual([EDUCATION, FINANCE].sort());
    expect(unitsWithDigest(all, ['wecom'])).toEqual([EDUCATION]);
  });
});
