import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { requestFile } from '../../api/api-client';
import { errorMessage } from '../../api/api-error';
import { download } from '../ledger/ledger-export';

/** A stored 佐证材料 file as a report records it (the evidence API's reference, with its name and size). */
export interface EvidenceFileView {
  readonly kind: 'file';
  readonly fileId: string;
  readonly fileName?: string;
  readonly size?: number;
}

/** The report's uploaded files out of its recorded evidence (links are listed apart). */
export function evidenceFiles(evidence: readonly unknown[] | undefined): EvidenceFileView[] {
  return (evidence ?? []).filter(
    (item): item is EvidenceFileView => typeof item === 'object' && item !== null && (item as { kind?: unknown }).kind === 'file' && typeof (item as { fileId?: unknown }).fileId === 'string',
  );
}

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Uploaded 佐证材料, each a button that downloads it as the signed-in user (the file route needs the bearer
 * token, which a plain link cannot carry).
 */
export function EvidenceFiles({ files }: { files: readonly EvidenceFileView[] }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const open = async (file: EvidenceFileView) => {
    setBusy(file.fileId);
    try {
      download(await requestFile(`/evidence/${encodeURIComponent(file.fileId)}`), file.fileName ?? '佐证材料');
    } catch (error) {
      message.error(`下载失败：${errorMessage(error)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap size={[4, 0]}>
      {files.map((file) => (
        <Button key={file.fileId} type="link" size="small" icon={<PaperClipOutlined />} loading={busy === file.fileId} onClick={() => void open(file)} style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
          {file.fileName ?? '佐证材料'}
          {file.size !== undefined ? `（${sizeText(file.size)}）` : ''}
        </Button>
      ))}
    </Space>
  );
}
