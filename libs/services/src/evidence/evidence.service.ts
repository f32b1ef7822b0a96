import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  authorize,
  evidenceTooLargeMessage,
  sanitizeFileName,
  UNSUPPORTED_EVIDENCE_MESSAGE,
  validateActuals,
  validateEvidenceRefs,
  type Actor,
  type AssignmentCommand,
  type AssignmentTarget,
  type EvidenceRef,
  type RecordedEvidence,
  type ReportedActual,
  isTerminalStatus,
  type AssignmentStatus,
} from '@duban/domain';
import { AssignmentEntity, EvidenceFileEntity, type JsonObject } from '@duban/persistence';
import { OBJECT_STORAGE, StorageObjectNotFound, type ObjectStorage } from '@duban/storage';
import { isUuid } from '../plan.service';
import { canReadUnit, holderKeyFor } from '../read-scope';
import { rejectionError } from '../rejection-errors';
import { ServiceError } from '../service-errors';
import { detectEvidenceType } from './evidence-content-type';

/** An uploaded file as the API answers it. */
export interface EvidenceFileView {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

/** A file received by the API, waiting in a temporary file (bounded by the size cap). */
export interface ReceivedUpload {
  readonly path: string;
  readonly originalName: string;
  readonly size: number;
}

/** What a report body says (before its files and actuals are checked). */
export interface ReportInput {
  readonly percent?: number;
  readonly actualValue?: number;
  readonly text: string;
  readonly evidenceLinks?: readonly string[];
  readonly evidence?: readonly EvidenceRef[];
  readonly actuals?: readonly ReportedActual[];
}

/**
 * 佐证材料 and actuals: files uploaded to an assignment (type by content, size capped,
 * sha256, kept in the configured ObjectStorage), downloads within read scope, and the
 * checks that turn a report body into the command the workflow records.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  get maxBytes(): number {
    return this.config.evidenceMaxBytes;
  }

  /**
   * Only the holder unit's staff may upload (the same rule as 反馈): another unit's staff
   * get not_found (its existence is not revealed), other roles forbidden. Called before
   * the body is read.
   */
  async assertCanUpload(assignmentId: string, actor: Actor): Promise<void> {
    const row = await this.assignment(assignmentId);
    if (!canReadUnit(actor, row)) throw new ServiceError('not_found', `任务 ${assignmentId} 不存在`);
    const holder = holderKeyFor(actor, row);
    const allowed = authorize(actor, { unitId: holder }, 'reportProgress');
    if (!allowed.ok) throw new ServiceError('forbidden', '只有承办单位的经办人可以上传佐证材料', { reason: 'evidence_wrong_unit' });
    if (isTerminalStatus(row.status as AssignmentStatus)) {
      throw new ServiceError('conflict', '任务已结束，不能再上传佐证材料', { reason: 'assignment_finished', status: row.status });
    }
  }

  /** Checks and keeps one received file: 413 over the cap, 415 not an accepted type, else stored and recorded. */
  async store(assignmentId: string, actor: Actor, upload: ReceivedUpload): Promise<EvidenceFileView> {
    await this.assertCanUpload(assignmentId, actor);
    if (upload.size > this.config.evidenceMaxBytes) {
      throw new ServiceError('payload_too_large', evidenceTooLargeMessage(this.config.evidenceMaxBytes), { reason: 'evidence_too_large', maxBytes: this.config.evidenceMaxBytes });
    }
    if (upload.size === 0) throw new ServiceError('unprocessable', '上传的文件是空的', { reason: 'evidence_empty' });
    const type = await detectEvidenceType(upload.path);
    if (!type) throw new ServiceError('unsupported_media_type', UNSUPPORTED_EVIDENCE_MESSAGE, { reason: 'evidence_type_unsupported' });
    const sha256 = await sha256Of(upload.path);
    const id = randomUUID();
    const storageKey = `evidence/${assignmentId}/${id}`;
    await this.storage.put(storageKey, createReadStream(upload.path), { contentType: type.contentType, size: upload.size });
    const row: EvidenceFileEntity = Object.assign(new EvidenceFileEntity(), {
      id,
      assignmentId,
      fileName: sanitizeFileName(upload.originalName, type.extension),
      contentType: type.contentType,
      size: upload.size,
      sha256,
      storageKey,
      uploadedBy: { id: actor.id ?? null, role: actor.role, unitIds: [...actor.unitIds] } as JsonObject,
    });
    try {
      await this.dataSource.getRepository(EvidenceFileEntity).insert(row);
    } catch (error) {
      // Not recorded: the stored bytes would be an orphan.
      await this.storage.delete(storageKey).catch((cause: unknown) => this.logger.warn(`could not remove ${storageKey}: ${String(cause)}`));
      throw error;
    }
    const saved = await this.dataSource.getRepository(EvidenceFileEntity).findOneByOrFail({ id });
    return toView(saved);
  }

  /** A file's bytes for `actor`, within read scope (another unit's file is not_found). */
  async open(fileId: string, actor: Actor): Promise<{ file: EvidenceFileView; body: Readable }> {
    const row = isUuid(fileId) ? await this.dataSource.getRepository(EvidenceFileEntity).findOneBy({ id: fileId }) : null;
    if (!row) throw new ServiceError('not_found', '佐证材料不存在', { reason: 'not_found' });
    const assignment = await this.dataSource.getRepository(AssignmentEntity).findOneBy({ id: row.assignmentId });
    if (!assignment || !canReadUnit(actor, assignment)) throw new ServiceError('not_found', '佐证材料不存在', { reason: 'not_found' });
    try {
      return { file: toView(row), body: await this.storage.get(row.storageKey) };
    } catch (error) {
      if (error instanceof StorageObjectNotFound) {
        this.logger.error(`evidence file ${row.id} is recorded but its bytes (${row.storageKey}) are missing`);
        throw new ServiceError('not_found', '佐证材料文件已丢失，请联系管理员', { reason: 'evidence_missing' });
      }
      throw error;
    }
  }

  /** The files uploaded to an assignment, oldest first. */
  async list(assignmentId: string): Promise<EvidenceFileView[]> {
    const rows = await this.dataSource.getRepository(EvidenceFileEntity).find({ where: { assignmentId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toView);
  }

  /**
   * A report body as the command the workflow records: who may report is checked first
   * (403 before any 422), then every file must have been uploaded to this assignment and
   * every actual must be one of its targets (422 actual_not_a_target).
   */
  async reportCommand(assignmentId: string, actor: Actor, input: ReportInput): Promise<AssignmentCommand> {
    const row = await this.assignment(assignmentId);
    const holder = holderKeyFor(actor, row);
    const allowed = authorize(actor, { unitId: holder }, 'reportProgress');
    if (!allowed.ok) throw rejectionError(allowed.code, allowed.reason);
    const refs = validateEvidenceRefs(input.evidence);
    if ('ok' in refs) throw rejectionError(refs.code, refs.reason);
    const evidence = await this.recordedEvidence(assignmentId, refs);
    let actuals = undefined;
    if (input.actuals !== undefined) {
      const checked = validateActuals((row.targets ?? []) as unknown as AssignmentTarget[], input.actuals);
      if ('ok' in checked) throw new ServiceError('unprocessable', checked.reason, { reason: checked.code, rejection: checked.code });
      actuals = checked;
    }
    return {
      type: 'reportProgress',
      text: input.text,
      ...(input.percent !== undefined ? { percent: input.percent } : {}),
      ...(input.actualValue !== undefined ? { actualValue: input.actualValue } : {}),
      ...(input.evidenceLinks !== undefined ? { evidenceLinks: input.evidenceLinks } : {}),
      ...(evidence.length > 0 ? { evidence } : {}),
      ...(actuals && actuals.length > 0 ? { actuals } : {}),
    };
  }

  private async recordedEvidence(assignmentId: string, refs: readonly EvidenceRef[]): Promise<RecordedEvidence[]> {
    const fileIds = refs.flatMap((ref) => (ref.kind === 'file' ? [ref.fileId] : []));
    const rows = fileIds.length ? await this.dataSource.getRepository(EvidenceFileEntity).findBy({ id: In(fileIds), assignmentId }) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return refs.map((ref) => {
      if (ref.kind === 'url') return ref;
      const row = byId.get(ref.fileId);
      if (!row) throw new ServiceError('unprocessable', '所附佐证材料文件不存在或未上传到本任务，请先上传', { reason: 'evidence_not_found', fileId: ref.fileId });
      return { kind: 'file', fileId: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 };
    });
  }

  private async assignment(assignmentId: string): Promise<AssignmentEntity> {
    const row = isUuid(assignmentId) ? await this.dataSource.getRepository(AssignmentEntity).findOneBy({ id: assignmentId }) : null;
    if (!row) throw new ServiceError('not_found', `assignment ${assignmentId} does not exist`);
    return row;
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

function toView(row: EvidenceFileEntity): EvidenceFileView {
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256, createdAt: row.createdAt.toISOString() };
}
