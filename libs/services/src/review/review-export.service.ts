import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { labelOf, resolveReviewSettings, SANCTION_STATUS_LABELS, type Actor, type StoredReviewSettings } from '@duban/domain';
import { assignmentLedgerRows, bulletinAnnexRows, bulletinDocx, writeAssessmentXlsx, writeLedgerXlsx } from '@duban/exports';
import { PlanEntity } from '@duban/persistence';
import { AssignmentService, type AssignmentFilter } from '../assignment.service';
import { isUuid } from '../plan.service';
import { readableUnits } from '../read-scope';
import { AssessmentService } from './assessment.service';
import { BulletinService, assertReviewReader } from './bulletin.service';

/**
 * The 台账 of `filter` as .xlsx on `output`: the rows the ledger list shows for the same filters (every filter of
 * GET /assignments, through the list's own SQL), holding what `actor` may read (a unit's staff: their own units'
 * rows, by id or legacy name), 序时进度 with the plan's thresholds. Streams in keyset batches. Returns the row count.
 * Shared by the direct download and the export job (export-job.service.ts).
 */
export async function writeLedgerExport(
  dataSource: DataSource,
  assignments: AssignmentService,
  filter: AssignmentFilter,
  actor: Actor,
  output: Writable,
): Promise<number> {
  const units = readableUnits(actor);
  const planId = filter.planId !== undefined && !isUuid(filter.planId) ? '00000000-0000-0000-0000-000000000000' : filter.planId;
  let pace;
  if (planId) {
    const plan = await dataSource.getRepository(PlanEntity).findOne({ where: { id: planId }, select: { id: true, settings: true } });
    pace = resolveReviewSettings((plan?.settings as { review?: StoredReviewSettings } | undefined)?.review).pace;
  }
  const within = assignments.filterSql({ ...filter, ...(units ? { units } : {}) });
  const rows = assignmentLedgerRows(dataSource, { within }, { pace });
  return writeLedgerXlsx(rows, output, { sheetName: '台账', title: '任务台账' });
}

/** Exports: the 台账 of any filtered list, a bulletin's annex table and its text. Streams, never whole lists in memory. */
@Injectable()
export class ReviewExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bulletins: BulletinService,
    private readonly assessments: AssessmentService,
    private readonly assignments: AssignmentService,
  ) {}

  /** The 台账 as .xlsx on `output` (see writeLedgerExport). Returns the row count. */
  async ledgerXlsx(filter: AssignmentFilter, actor: Actor, output: Writable): Promise<number> {
    return writeLedgerExport(this.dataSource, this.assignments, filter, actor, output);
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

  /** An assessment's table (序号, 单位, 类别, 得分, 等级, 排名, 扣分/加分明细, 处理) as .xlsx. */
  async assessmentXlsx(id: string, actor: Actor): Promise<{ fileName: string; write(output: Writable): Promise<number> }> {
    const view = await this.assessments.get(id, actor);
    const sanctionsOf = new Map<string, string[]>();
    for (const sanction of view.sanctions) {
      const text = `${sanction.kindLabel}（${labelOf(SANCTION_STATUS_LABELS, sanction.status)}${sanction.reason ? `：${sanction.reason}` : ''}）`;
      sanctionsOf.set(sanction.unitId, [...(sanctionsOf.get(sanction.unitId) ?? []), text]);
    }
    const title = `${view.planTitle ? `${view.planTitle}` : ''}${view.year}年度考核结果`;
    const lines = view.lines.map((line) => ({ ...line, sanction: (sanctionsOf.get(line.unitId) ?? []).join('；') }));
    return { fileName: `${title}.xlsx`, write: (output) => writeAssessmentXlsx(lines, output, { title }) };
  }
}
