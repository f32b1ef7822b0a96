import { jsonBody, startHttpReceiver, type HttpReceiver } from './support/http-receiver';
import {
  buildDailyDigest,
  createChannelRegistry,
  digestDateOf,
  enabledChannelKinds,
  loadChannelSettings,
  routeToChannels,
  sendToSubscription,
  unitsWithDigest,
  type ChannelMessage,
  type DigestItem,
  type UnitChannelSubscription,
} from './support/notifications-api';
import { parseMail } from './support/parse-mail';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver';

const FINANCE = '市财政局';
const EDUCATION = '市教育局';
const DAY = Date.UTC(2025, 2, 14, 2, 0); // 10:00 Beijing time

function notice(key: string, recipient: string, kind: string, title: string, minutes: number): ChannelMessage {
  return { idempotencyKey: key, kind, recipient, title, body: `${title}，请及时办理。`, at: DAY + minutes * 60_000 };
}

/**
 * The whole channel path on real local servers: settings from environment
 * variables, per-unit subscriptions, immediate sends for urgent kinds and for
 * units without digest, and one digest per unit per day for the rest.
 */
describe('routing and the daily digest over every channel', () => {
  let hooks: HttpReceiver;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    hooks = await startHttpReceiver((request) =>
      request.url.pathname.startsWith('/robot/') || request.url.pathname.startsWith('/cgi-bin/') ? { body: { errcode: 0, errmsg: 'ok' } } : { status: 204 },
    );
    smtp = await startSmtpReceiver({ user: 'duban', pass: 'secret' });
  });

  afterAll(async () => {
    await hooks.close();
    await smtp.close();
  });

  it('sends urgent messages at once, holds reminders for the digest, and sends each unit one digest a day', async () => {
    const settings = loadChannelSettings({ SMTP_URL: `smtp://duban:secret@127.0.0.1:${smtp.port}`, NOTIFY_WEBHOOK_TIMEOUT_MS: '3000' });
    const registry = createChannelRegistry(settings);
    const subscriptions: UnitChannelSubscription[] = [
      { unit: FINANCE, kind: 'dingtalk', target: { url: `${hooks.baseUrl}/robot/send?access_token=fin`, secret: 'SECfin' }, digest: true },
      { unit: FINANCE, kind: 'email', target: { to: 'office@czj.gov.example' }, digest: true },
      { unit: FINANCE, kind: 'webhook', target: { url: `${hooks.baseUrl}/hooks/finance` }, digest: false },
      { unit: EDUCATION, kind: 'wecom', target: { url: `${hooks.baseUrl}/cgi-bin/webhook/send?key=edu` }, digest: true },
    ];
    const day = [
      notice('u1', FINANCE, 'assignment.urged', '催办：落实减税降费政策', 0),
      notice('d1', FINANCE, 'reminder.due_soon', '到期预警：编制年度预算', 30),
      notice('t1', FINANCE, 'assignment.talk_triggered', '约谈通知：专项资金拨付', 60),
      notice('d2', EDUCATION, 'reminder.due_soon', '到期预警：课后服务全覆盖', 90),
      notice('d3', EDUCATION, 'reminder.due_soon', '到期预警：教师培训计划', 120),
    ];

    // During the day: route each notification.
    const held = new Map<string, DigestItem[]>();
    for (const message of day) {
      const route = routeToChannels(subscriptions, message, enabledChannelKinds(registry));
      for (const subscription of route.now) await sendToSubscription(registry, message, subscription);
      if (route.inDigest.length > 0) held.set(message.recipient, [...(held.get(message.recipient) ?? []), message]);
    }

    // Immediately: the finance webhook (no digest) got everything; the talk went to every finance channel.
    const path = (prefix: string) => hooks.requests.filter((request) => request.url.pathname.startsWith(prefix));
    expect(path('/hooks/finance').map((request) => (jsonBody(request) as { id: string }).id)).toEqual(['u1', 'd1', 't1']);
    expect(path('/robot/send').map((request) => (jsonBody(request) as { markdown: { title: string } }).markdown.title)).toEqual(['约谈通知：专项资金拨付']);
    expect(smtp.mails.map((mail) => parseMail(mail.raw).headers.get('subject'))).toEqual(['约谈通知：专项资金拨付']);
    expect(path('/cgi-bin/')).toHaveLength(0);

    // End of day: one digest per unit that takes one, on its digest channels.
    const date = digestDateOf(DAY);
    expect(unitsWithDigest(subscriptions, enabledChannelKinds(registry))).toEqual([EDUCATION, FINANCE].sort());
    for (const unit of unitsWithDigest(subscriptions, enabledChannelKinds(registry))) {
      const digest = buildDailyDigest(unit, held.get(unit) ?? [], date);
      if (digest === null) continue;
      for (const subscription of routeToChannels(subscriptions, digest, enabledChannelKinds(registry)).now) await sendToSubscription(registry, digest, subscription);
    }

    const financeDigest = path('/robot/send').map((request) => jsonBody(request) as { markdown: { title: string; text: string } })[1];
    expect(financeDigest.markdown.title).toBe('督办日报（2025年3月14日）：2 条提醒（催办1、即将到期1）');
    expect(financeDigest.markdown.text).toContain('【催办】1 条\n\n1. 催办：落实减税降费政策');
    const digestMail = parseMail(smtp.mails[1].raw);
    expect(digestMail.headers.get('subject')).toBe('督办日报（2025年3月14日）：2 条提醒（催办1、即将到期1）');
    expect(digestMail.text).toContain('【即将到期】1 条\n1. 到期预警：编制年度预算');
    const educationDigest = jsonBody(path('/cgi-bin/')[0]) as { markdown: { content: string } };
    expect(educationDigest.markdown.content).toContain('### 督办日报（2025年3月14日）：2 条提醒（即将到期2）');
    expect(educationDigest.markdown.content).toContain('1. 到期预警：课后服务全覆盖\n2. 到期预警：教师培训计划');
    // The finance webhook has no digest subscription: it got no digest.
    expect(path('/hooks/finance')).toHaveLength(3);
    expect(smtp.mails).toHaveLength(2);
  });
});
