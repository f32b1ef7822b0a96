import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { assignmentsApi, type UploadedEvidence } from '../../api/resources/assignments.api';

/** What the evidence API accepts (it checks the content itself; this only guides the file picker). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';
const MAX_FILES = 10;

/**
 * 佐证材料 files, uploaded one by one as they are picked (POST /assignments/:id/evidence) so the report
 * only refers to stored files. The value is the uploaded files' ids; a refused file (too large, wrong
 * type, another unit's assignment) shows the API's Chinese message and is left out.
 */
export function EvidenceUpload({ assignmentId, value = [], onChange }: { assignmentId: string; value?: UploadedEvidence[]; onChange?: (files: UploadedEvidence[]) => void }) {
  const { message } = App.useApp();
  const [list, setList] = useState<UploadFile[]>([]);
  return (
    <Upload
      accept={ACCEPT}
      multiple
      maxCount={MAX_FILES}
      fileList={list}
      customRequest={({ file, onSuccess, onError }) => {
        assignmentsApi
          .uploadEvidence(assignmentId, file as File)
          .then((stored) => {
            onChange?.([...value, stored]);
            onSuccess?.(stored);
          })
          .catch((error: unknown) => {
            message.error(`${(file as File).name}：${errorMessage(error)}`);
            onError?.(error instanceof Error ? error : new Error(errorMessage(error)));
          });
      }}
      onChange={({ fileList }) => setList(fileList.filter((item) => item.status !== 'error'))}
      onRemove={(item) => {
        const stored = item.response as UploadedEvidence | undefined;
        if (stored) onChange?.(value.filter((file) => file.id !== stored.id));
      }}
    >
      <Button icon={<UploadOutlined />}>上传佐证材料</Button>
    </Upload>
  );
}
