import { requestFile } from '../../api/api-client';
import { listParams, type AssignmentFilter } from '../../api/resources/assignments.api';

/**
 * The ledger's export: the API's .xlsx 台账 (GET /assignments/export.xlsx) with the filters the page shows,
 * so the file holds exactly the listed rows (Chinese headers, light colours, streamed on the server
 * however long the list).
 */
export function exportLedger(filter: AssignmentFilter): Promise<Blob> {
  return requestFile('/assignments/export.xlsx', listParams(filter));
}

export function download(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
