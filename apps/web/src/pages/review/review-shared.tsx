import { App, Button, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { plansApi } from '../../api/resources/plans.api';
import { useResource } from '../../shared/use-resource';
import { download } from '../ledger/ledger-export';

/** Picks one published plan (review pages are per plan). */
export function PlanPicker({ value, onChange }: { value?: string; onChange?: (planId: string | undefined) => void }) {
  const plans = useResource(() => plansApi.list({ limit: 200 }), 'plans');
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="全部方案"
      aria-label="方案"
      style={{ width: 320, maxWidth: '100%' }}
      loading={plans.loading}
      value={value}
      onChange={onChange}
      options={(plans.data?.items ?? []).filter((plan) => plan.status === 'published').map((plan) => ({ value: plan.id, label: plan.title }))}
    />
  );
}

/** A button that fetches an export with the session's token and saves it under `fileName`. */
export function ExportButton({ label, fileName, load }: { label: string; fileName: string; load: () => Promise<Blob> }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      onClick={() => {
        setBusy(true);
        load()
          .then((file) => download(file, fileName))
          .catch((error: unknown) => message.error(errorMessage(error)))
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

/** A share as a percentage (the API sends 0–1). */
export function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}
