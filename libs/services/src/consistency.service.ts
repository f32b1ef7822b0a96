import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TERMINAL_STATUSES } from '@duban/domain';
import { TemporalClientProvider } from '@duban/temporal';
import type { AssignmentView } from '@duban/workflows';

/** An assignment whose event log has a hole, or whose read model disagrees with its log. */
export interface SequenceProblem {
  readonly assignmentId: string;
  /** Events recorded, the highest sequence number, and the read model's version: all equal when healthy. */
  readonly events: number;
  readonly maxSeq: number;
  readonly version: number;
}

/** An open assignment whose workflow is missing, ended, or holds another state than the record. */
export interface WorkflowProblem {
  readonly assignmentId: string;
  readonly workflowId: string;
  readonly problem: 'missing' | 'ended' | 'state_differs';
  readonly record: { readonly status: string; readonly version: number };
  readonly workflow?: { readonly status: string; readonly eventSeq?: number };
}

export interface ConsistencyReport {
  readonly checkedAt: string;
  readonly ok: boolean;
  readonly assignments: number;
  readonly openAssignments: number;
  readonly sequenceProblems: { readonly count: number; readonly examples: readonly SequenceProblem[] };
  /**
   * Deep: every open assignment's workflow described and queried. Quick: open
   * assignments in the record against running workflows in Temporal (counts only).
   */
  readonly workflowProblems: { readonly deep: boolean; readonly count: number; readonly examples: readonly WorkflowProblem[] };
}

const EXAMPLES = 20;
const CONCURRENCY = 16;

/**
 * Do the record and the orchestration agree? Sequence gaps in the event log (an
 * action that answered but was not recorded), read models that disagree with their
 * log, and open assignments without a running workflow or with another state in it.
 * `duban doctor` runs it deep; /health shows the quick form.
 */
@Injectable()
export class ConsistencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
  ) {}

  async check(options: { deep: boolean }): Promise<ConsistencyReport> {
    const sequences = await this.sequenceProblems();
    const terminal = [...TERMINAL_STATUSES];
    const [{ total, open }] = (await this.dataSource.query(
      'SELECT count(*)::int AS total, count(*) FILTER (WHERE workflow_started AND NOT (status = ANY($1::text[])))::int AS open FROM assignments',
      [terminal],
    )) as { total: number; open: number }[];
    const workflows = options.deep ? await this.deepWorkflowProblems(terminal) : await this.quickWorkflowProblems(open);
    return {
      checkedAt: new Date().toISOString(),
      ok: sequences.count === 0 && workflows.count === 0,
      assignments: total,
      openAssignments: open,
      sequenceProblems: sequences,
      workflowProblems: { deep: options.deep, ...workflows },
    };
  }

  private async sequenceProblems(): Promise<{ count: number; examples: SequenceProblem[] }> {
    const rows = (await this.dataSource.query(
      `WITH logs AS (
         SELECT a.id, a.version, count(e.seq)::int AS events, coalesce(max(e.seq), 0)::int AS max_seq
           FROM assignments a LEFT JOIN assignment_events e ON e.assignment_id = a.id
          GROUP BY a.id, a.version)
       SELECT id, version, events, max_seq, count(*) OVER ()::int AS total
         FROM logs WHERE events <> max_seq OR version <> max_seq
        ORDER BY id LIMIT ${EXAMPLES}`,
    )) as { id: string; version: number; events: number; max_seq: number; total: number }[];
    return {
      count: rows[0]?.total ?? 0,
      examples: rows.map((row) => ({ assignmentId: row.id, events: row.events, maxSeq: row.max_seq, version: row.version })),
    };
  }

  /** Open assignments in the record against running assignment workflows in Temporal's visibility. */
  private async quickWorkflowProblems(open: number): Promise<{ count: number; examples: WorkflowProblem[] }> {
    const client = await this.temporal.client();
    const { count } = await client.workflow.count("WorkflowType = 'assignmentWorkflow' AND ExecutionStatus = 'Running'");
    return { count: Math.max(0, open - count), examples: [] };
  }

  private async deepWorkflowProblems(terminal: string[]): Promise<{ count: number; examples: WorkflowProblem[] }> {
    const client = await this.temporal.client();
    const rows = (await this.dataSource.query(
      'SELECT id, workflow_id, status, version FROM assignments WHERE workflow_started AND NOT (status = ANY($1::text[])) ORDER BY key',
      [terminal],
    )) as { id: string; workflow_id: string; status: string; version: number }[];
    const problems: WorkflowProblem[] = [];
    let next = 0;
    const inspect = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const record = { status: row.status, version: row.version };
        const base = { assignmentId: row.id, workflowId: row.workflow_id, record };
        try {
          const handle = client.workflow.getHandle(row.workflow_id);
          const description = await handle.describe();
          if (description.status.name !== 'RUNNING') {
            problems.push({ ...base, problem: 'ended', workflow: { status: description.status.name } });
            continue;
          }
          const view = await handle.query<AssignmentView>('view');
          if (view.state.status !== row.status || view.eventSeq !== row.version) {
            problems.push({ ...base, problem: 'state_differs', workflow: { status: view.state.status, eventSeq: view.eventSeq } });
          }
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          problems.push({ ...base, problem: 'missing' });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, inspect));
    return { count: problems.length, examples: problems.slice(0, EXAMPLES) };
  }
}
