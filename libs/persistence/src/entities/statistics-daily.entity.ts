import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One plan's counts at the end of one day (Asia/Shanghai): the history the 驾驶舱's overdue trend reads.
 * Written once a day by the daily digest job (and by `duban statistics record`); a re-run of the day replaces it.
 */
@Entity({ name: 'statistics_daily' })
export class StatisticsDailyEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_statistics_daily' })
  day!: string;

  @PrimaryColumn({ name: 'plan_id', type: 'uuid', primaryKeyConstraintName: 'PK_statistics_daily' })
  planId!: string;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer' })
  overdue!: number;

  @Column({ type: 'integer' })
  lagging!: number;

  @Column({ type: 'integer' })
  red!: number;

  @Column({ type: 'integer' })
  yellow!: number;

  @Column({ type: 'integer' })
  green!: number;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
