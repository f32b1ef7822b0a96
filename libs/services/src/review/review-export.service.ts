import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { resolveReviewSettings, type Actor, type StoredReviewSettings } from '@duban/domain';
import { assignmentLedgerRows, bulletinAnnexRows, bulletinDocx, writeLedgerXlsx, type LedgerFilter } from '@duban/exports';
import { PlanEntity } from '@duban/persistence';
import { isUuid } from '../plan.service';
import { readableUnits } from '../read-scope';
import { BulletinService, assertReviewReader } from './bulletin.service';

/**
 * The 台账 of `filter` as .xlsx on `output`, holding what `actor` may read (a unit's staff: their own units' rows),
 * 序时进度 with the plan's thresholds. Streams in keyset batches. Returns the row count. Shared by the direct
 * download and the export job (export-job.service.ts).
 */
export async function writeLedgerExport(dataSource: DataSource, filter: LedgerFilter, actor: Actor, output: Writable): Promise<number> {
  const units = readableUnits(actor);
  const planId = filter.planId !== undefined && !isUuid(filter.planId) ? '00000000-0000-0000-0000-000000000000' : filter.planId;
  let pace;
  if (planId) {
    const plan = await dataSource.getRepository(PlanEntity).findOne({ where: { id: planId }, select: { id: true, settings: true } });
    pace = resolveReviewSettings((plan?.settings as { review?: StoredReviewSettings } | undefined)?.review).pace;
  }
  const rows = assignmentLedgerRows(dataSource, { ...filter, ...(planId ? { planId } : {}), ...(units ? { units } : {}) }, { pace });
  return writeLedgerXlsx(rows, output, { sheetName: '台账', title: '任务台账' });
}

/** Exports: the 台账 of any filtered list, a bulletin's annex table and its text. Streams, never whole lists in memory. */
@Injectable()
export class ReviewExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bulletins: BulletinService,
  ) {}

  /** The 台账 as .xlsx on `output`; a unit's staff get their own units' rows only. Returns the row count. */
  async ledgerXlsx(filter: LedgerFilter, actor: Actor, output: Writable): Promise<number> {
    return writeLedgerExport(this.dataSource, filter, actor, output);
  }

  /** A bulletin's annex: every frozen row of its snapshot, as .xlsx (checked first, then written by `write`). */
  async bulletinXlsx(id: string, actor: Actor): Promise<{ fileName: string; write(output: Writable): Promise<number> }> {
    assertReviewReader(actor);
    const bulletin = await this.bulletins.find(id);
    return {
      fileName: `${bulletin.title || '通报'}（附件）.xlsx`,
      write: (output) => writeLedgerXlsx(bulletinAnnexRows(this.dataSource, bulletin.id), output, { sheetName: '附件', title: bulletin.title }),
    };
  }

  /** The bulletin text as a 公文-like .docx. */
  async bulletinDocx(id: string, actor: Actor): Promise<{ fileName: string; bytes: Buffer }> {
    assertReviewReader(actor);
    const bulletin = await this.bulletins.find(id);
    const bytes = await bulletinDocx({ title: bulletin.title, text: bulletin.text, date: bulletin.asOf });
    return { fileName: `${bulletin.title || '通报'}.docx`, bytes };
  }
}
