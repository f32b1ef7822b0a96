import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import type { Actor } from '@duban/domain';
import { AssignmentService, type AssignmentFilter } from '../assignment.service';
import { ExportJobEntity, type ExportJobStatus, type JsonObject } from '@duban/persistence';
import { JOB_RUN_EXPORT, QUEUE_EXPORTS, redisConnectionOptions, type RunExportJob } from '@duban/queues';
import { OBJECT_STORAGE, type ObjectStorage } from '@duban/storage';
import { isUuid } from '../plan.service';
import { ServiceError } from '../service-errors';
import { writeLedgerExport } from './review-export.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const EXPORT_STATUS_LABELS: Readonly<Record<ExportJobStatus, string>> = { queued: '排队中', running: '导出中', done: '已完成', failed: '导出失败' };

export interface ExportJobView {
  readonly id: string;
  readonly kind: string;
  readonly status: ExportJobStatus;
  readonly statusLabel: string;
  readonly rows: number | null;
  readonly fileName: string;
  readonly size: number | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** Where the file is fetched once done (null before). */
  readonly downloadPath: string | null;
}

const FILTER_KEYS = ['planId', 'unit', 'region', 'status', 'light'] as const;

function view(row: ExportJobEntity): ExportJobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    statusLabel: EXPORT_STATUS_LABELS[row.status],
    rows: row.rows,
    fileName: row.fileName,
    size: row.size === null ? null : Number(row.size),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    downloadPath: row.status === 'done' ? `/api/v1/exports/${row.id}/download` : null,
  };
}

/** Who may see an export: its requester (same user id), or an administrator. */
function mayRead(actor: Actor, row: ExportJobEntity): boolean {
  const requester = row.requestedBy as { id?: string | null };
  return actor.role === 'admin' || (actor.id !== undefined && requester.id === actor.id);
}

/**
 * Large exports as jobs: POST records the job and enqueues it (202 + id), the worker streams the .xlsx to a
 * temporary file (ExcelJS's streaming writer: one batch of rows in memory) and stores it in the object storage;
 * the requester polls the status and downloads the stored file.
 */
@Injectable()
export class ExportJobService implements OnModuleDestroy {
  private queue: Queue<RunExportJob> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }

  /** Records a 台账 export of `filter` for `actor` and enqueues it. */
  async startLedger(filter: AssignmentFilter, actor: Actor): Promise<ExportJobView> {
    const clean: Record<string, string> = {};
    for (const key of FILTER_KEYS) if (typeof filter[key] === 'string') clean[key] = filter[key]!;
    const row = this.dataSource.getRepository(ExportJobEntity).create({
      id: randomUUID(),
      kind: 'ledger',
      filter: clean,
      requestedBy: { role: actor.role, unitIds: [...actor.unitIds], id: actor.id ?? null } as JsonObject,
      status: 'queued',
      rows: null,
      fileName: '任务台账.xlsx',
      storageKey: null,
      size: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    const saved = await this.dataSource.getRepository(ExportJobEntity).save(row);
    // The job id is the export id: a retried POST of the same row never runs it twice.
    await this.exportQueue().add(JOB_RUN_EXPORT, { exportId: saved.id }, { jobId: `export-${saved.id}`, attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } });
    return view(saved);
  }

  async get(id: string, actor: Actor): Promise<ExportJobView> {
    return view(await this.find(id, actor));
  }

  /** The stored file of a finished export (409 while it runs, 422 when it failed). */
  async download(id: string, actor: Actor): Promise<{ fileName: string; contentType: string; size: number; body: Readable }> {
    const row = await this.find(id, actor);
    if (row.status === 'failed') throw new ServiceError('unprocessable', `导出失败：${row.error ?? '原因不明'}`, { reason: 'export_failed' });
    if (row.status !== 'done' || !row.storageKey) throw new ServiceError('conflict', '导出尚未完成，请稍后再下载', { reason: 'export_not_ready', status: row.status });
    return { fileName: row.fileName, contentType: XLSX, size: Number(row.size), body: await this.storage.get(row.storageKey) };
  }

  /**
   * Runs one export (the worker's job): the .xlsx streamed to a temporary file, then stored whole. A finished export
   * is not run again; a failure is recorded (and the job retried by BullMQ).
   */
  async run(id: string): Promise<ExportJobView> {
    const repository = this.dataSource.getRepository(ExportJobEntity);
    const row = await repository.findOne({ where: { id } });
    if (!row) throw new ServiceError('not_found', '导出任务不存在', { reason: 'not_found' });
    if (row.status === 'done') return view(row);
    await repository.update({ id }, { status: 'running', startedAt: new Date(), error: null });
    const folder = await mkdtemp(join(tmpdir(), 'duban-export-'));
    const file = join(folder, 'export.xlsx');
    try {
      const output = createWriteStream(file);
      const requester = row.requestedBy as { role: Actor['role']; unitIds: string[]; id: string | null };
      const actor: Actor = { role: requester.role, unitIds: requester.unitIds, ...(requester.id ? { id: requester.id } : {}) };
      const rows = await writeLedgerExport(this.dataSource, this.assignments, row.filter as AssignmentFilter, actor, output);
      await finished(output);
      const { size } = await stat(file);
      const storageKey = `exports/${id}.xlsx`;
      await this.storage.put(storageKey, createReadStream(file), { contentType: XLSX, size });
      await repository.update({ id }, { status: 'done', rows, size: String(size), storageKey, finishedAt: new Date() });
    } catch (error) {
      await repository.update({ id }, { status: 'failed', error: error instanceof ServiceError ? error.message : '导出时出错，请重试', finishedAt: new Date() });
      throw error;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    return view((await repository.findOne({ where: { id } }))!);
  }

  private async find(id: string, actor: Actor): Promise<ExportJobEntity> {
    const row = isUuid(id) ? await this.dataSource.getRepository(ExportJobEntity).findOne({ where: { id } }) : null;
    // Someone else's export is not revealed.
    if (!row || !mayRead(actor, row)) throw new ServiceError('not_found', '导出任务不存在', { reason: 'not_found' });
    return row;
  }

  private exportQueue(): Queue<RunExportJob> {
    this.queue ??= new Queue<RunExportJob>(QUEUE_EXPORTS, { connection: redisConnectionOptions(this.config.redisUrl), prefix: this.config.queuePrefix });
    return this.queue;
  }
}
