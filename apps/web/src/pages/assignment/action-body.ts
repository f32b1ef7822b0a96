import type { Dayjs } from 'dayjs';
import type { HumanAction, TargetView, UploadedEvidence } from '../../api/resources/assignments.api';

export interface FormValues {
  percent?: number;
  actualValue?: number;
  text?: string;
  summary?: string;
  reason?: string;
  /** 约谈 before it is due: why it is held anyway. */
  overrideReason?: string;
  note?: string;
  links?: string[];
  newDueDate?: Dayjs;
  approve?: boolean;
  toUnit?: string;
  level?: 'urge' | 'supervise';
  files?: UploadedEvidence[];
  /** Actuals by the index of the target in reportableTargets(). */
  actuals?: (number | null | undefined)[];
}

/**
 * The targets a report can carry an actual for: those with a metric and a year, as the evidence API
 * describes them (`target` beside `metric`; an API without per-target actuals sends `value` only).
 */
export function reportableTargets(targets: readonly TargetView[] | undefined): (TargetView & { metric: string; year: number })[] {
  return (targets ?? []).filter(
    (target): target is TargetView & { metric: string; year: number } =>
      target.target !== undefined && typeof target.metric === 'string' && target.metric !== '' && typeof target.year === 'number',
  );
}

/** The request body each action takes, from the form's values (empty optional fields left out). */
export function actionBody(action: HumanAction, values: FormValues, targets?: readonly TargetView[]): Record<string, unknown> {
  const text = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const links = (values.links ?? []).map((link) => link.trim()).filter(Boolean);
  // Uploaded files ride as `evidence` (the evidence API); links keep their own field.
  const files = (values.files ?? []).map((file) => ({ kind: 'file', fileId: file.id }));
  const actuals = reportableTargets(targets)
    .map((target, index) => ({ metric: target.metric, year: target.year, value: values.actuals?.[index] }))
    .filter((actual): actual is { metric: string; year: number; value: number } => typeof actual.value === 'number' && Number.isFinite(actual.value));
  const date = values.newDueDate ? values.newDueDate.format('YYYY-MM-DD') : undefined;
  const body: Record<string, unknown> = (() => {
    switch (action) {
      case 'accept':
        return {};
      case 'reportProgress':
        return {
          percent: values.percent,
          actualValue: values.actualValue,
          text: text(values.text),
          evidenceLinks: links.length ? links : undefined,
          evidence: files.length ? files : undefined,
          actuals: actuals.length ? actuals : undefined,
        };
      case 'requestClosure':
        return { summary: text(values.summary), evidenceLinks: links.length ? links : undefined, evidence: files.length ? files : undefined };
      case 'approveClosure':
        return { note: text(values.note) };
      case 'requestExtension':
        return { newDueDate: date, reason: text(values.reason) };
      case 'decideExtension':
        return { approve: values.approve === true, newDueDate: values.approve ? date : undefined, reason: text(values.reason) };
      case 'reassign':
        return { toUnit: values.toUnit, reason: text(values.reason) };
      case 'urge':
        return { level: values.level ?? 'urge', note: text(values.note) };
      case 'triggerTalk':
        return { reason: text(values.reason), overrideReason: text(values.overrideReason) };
      case 'rejectClosure':
      case 'decline':
      case 'withdraw':
        return { reason: text(values.reason) };
    }
  })();
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== null));
}

