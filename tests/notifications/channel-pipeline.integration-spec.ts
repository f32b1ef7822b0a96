import type { DataSource } from 'typeorm';
import { digestDateOf, writeOutboxMessages, type NewOutboxMessage } from '@duban/notifications';
import { ChannelSubscriptionEntity } from '@duban/persistence';
import { JOB_DAILY_DIGEST, JOB_RELAY_OUTBOX, NotificationQueueProducer, QUEUE_NOTIFICATIONS } from '@duban/queues';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import type { TestRun } from '../support/test-run';
import { jsonBody, startHttpReceiver, type HttpReceiver } from './support/http-receiver';

const UNIT = '市测试局';

/**
 * The whole notification pipeline on real Redis and Postgres: an outbox row →
 * BullMQ → the unit's in-app inbox and its external channels (a webhook now, a
 * DingTalk robot in the daily digest), each sent once, failures dead-lettered.
 */
describe('notification pipeline: outbox → BullMQ → inbox and channels', () => {
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let db: DataSource;
  let webhook: HttpReceiver;
  let robot: HttpReceiver;
  let refusing: HttpReceiver;
  let producer: NotificationQueueProducer;

  beforeAll(async () => {
    run = useTestEnvironment('channels');
    webhook = await startHttpReceiver(() => ({ status: 204 }));
    robot = await startHttpReceiver(() => ({ body: { errcode: 0, errmsg: 'ok' } }));
    refusing = await startHttpReceiver(() => ({ status: 400, body: { error: 'bad request' } }));
    worker = await startWorker(run);
    db = await openDatabase(run);
    producer = worker.app.get(NotificationQueueProducer);
    await db.getRepository(ChannelSubscriptionEntity).save([
      { unit: UNIT, kind: 'webhook', target: { url: `${webhook.baseUrl}/hook`, secret: 'shared-secret' }, digest: false },
      { unit: UNIT, kind: 'dingtalk', target: { url: `${robot.baseUrl}/robot/send?access_token=t0ken` }, digest: true },
      { unit: '市拒收局', kind: 'webhook', target: { url: `${refusing.baseUrl}/hook` }, digest: false },
    ]);
  });

  afterAll(async () => {
    await worker?.stop();
    await db?.destroy();
    await Promise.all([webhook?.close(), robot?.close(), refusing?.close()]);
  });

  async function publish(messages: NewOutboxMessage[]): Promise<string[]> {
    const ids = await db.transaction((manager) => writeOutboxMessages(manager, messages));
    await producer.enqueueOutboxMessages(ids);
    return ids;
  }

  it('sends a message that cannot wait to every channel of the unit once, even when delivered twice', async () => {
    const [id] = await publish([{ idempotencyKey: 'pipeline:1', kind: 'assignment.closure_rejected', recipient: UNIT, title: '办结申请被退回：任务1', body: '退回理由：材料不全' }]);
    // Not digestible: the digest subscription gets it now too.
    await eventually('the webhook and robot calls', async () => (webhook.requests.length === 1 && robot.requests.length === 1 ? true : undefined));
    expect(jsonBody(webhook.requests[0]!)).toMatchObject({ id: 'pipeline:1', recipient: UNIT, title: '办结申请被退回：任务1' });
    expect(webhook.requests[0]!.headers['x-duban-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const [{ inbox }] = await db.query('SELECT count(*)::int AS inbox FROM inbox_messages WHERE outbox_message_id = $1', [id]);
    expect(inbox).toBe(1);

    // Delivered again (a relay, a retried activity): nothing new is sent.
    await producer.enqueueOutboxMessages([id!]);
    const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NOTIFICATIONS));
    await queue.add('deliver-outbox-message', { outboxMessageId: id }, { jobId: `again-${id}` });
    await eventually('the second delivery job to finish', async () => ((await queue.getJobState(`again-${id}`)) === 'completed' ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(webhook.requests).toHaveLength(1);
    expect(robot.requests).toHaveLength(1);
    const [{ sent }] = await db.query("SELECT count(*)::int AS sent FROM channel_deliveries WHERE message_key = 'pipeline:1' AND status = 'sent'", []);
    expect(sent).toBe(2);
  });

  it('batches reminders and urges into one daily digest on the digest channel, sent once', async () => {
    await publish([
      { idempotencyKey: 'pipeline:r1', kind: 'reminder.due_soon', recipient: UNIT, title: '到期预警：任务2', body: '还有5个工作日', digest: true },
      { idempotencyKey: 'pipeline:r2', kind: 'assignment.urged', recipient: UNIT, title: '催办：任务3', body: '请加快办理', digest: true },
    ]);
    // The non-digest webhook gets them as they come; the robot waits for the digest.
    await eventually('both reminders at the webhook', async () => (webhook.requests.length === 3 ? true : undefined));
    expect(robot.requests).toHaveLength(1);

    const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NOTIFICATIONS));
    const date = digestDateOf(Date.now());
    await queue.add(JOB_DAILY_DIGEST, { date }, { jobId: `digest-test-1` });
    await eventually('the digest at the DingTalk robot', async () => (robot.requests.length === 2 ? true : undefined));
    const text = JSON.stringify(jsonBody(robot.requests[1]!));
    expect(text).toContain('到期预警：任务2');
    expect(text).toContain('催办：任务3');

    await queue.add(JOB_DAILY_DIGEST, { date }, { jobId: `digest-test-2` });
    await eventually('the second digest job to finish', async () => ((await queue.getJobState('digest-test-2')) === 'completed' ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(robot.requests).toHaveLength(2);
  });

  it('dead-letters a message the channel refuses for good, after one attempt', async () => {
    await publish([{ idempotencyKey: 'pipeline:x', kind: 'assignment.withdrawn', recipient: '市拒收局', title: '任务已撤销', body: '撤销' }]);
    const dead = await eventually('the dead-letter row', async () => {
      const [row] = await db.query("SELECT status, attempts, last_error FROM channel_deliveries WHERE message_key = 'pipeline:x'", []);
      return row as { status: string; attempts: number; last_error: string } | undefined;
    });
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(refusing.requests).toHaveLength(1);
  });

  it('relays an outbox row whose enqueue was lost', async () => {
    const [id] = await db.transaction((manager) =>
      writeOutboxMessages(manager, [{ idempotencyKey: 'pipeline:lost', kind: 'assignment.withdrawn', recipient: '市无渠道局', title: '任务已撤销', body: '撤销' }]),
    );
    // Written but never enqueued (the process died between commit and enqueue), two minutes ago.
    await db.query("UPDATE outbox_messages SET created_at = now() - interval '2 minutes' WHERE id = $1", [id]);
    const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NOTIFICATIONS));
    await queue.add(JOB_RELAY_OUTBOX, {}, { jobId: 'relay-test' });
    const delivered = await eventually('the relayed message in the inbox', async () => {
      const [row] = await db.query("SELECT status FROM outbox_messages WHERE id = $1 AND status = 'delivered'", [id]);
      return row as { status: string } | undefined;
    });
    expect(delivered.status).toBe('delivered');
    const [{ inbox }] = await db.query('SELECT count(*)::int AS inbox FROM inbox_messages WHERE outbox_message_id = $1', [id]);
    expect(inbox).toBe(1);
  });
});
