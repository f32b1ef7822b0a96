import { InboxOutlined } from '@ant-design/icons';
import { Alert, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { newIdempotencyKey } from '../../api/api-client';
import { plansApi } from '../../api/resources/plans.api';

/** Document types the parser reads. */
const ACCEPT = '.txt,.md,.docx';
/** The API refuses larger uploads (413). */
const MAX_BYTES = 20 * 1024 * 1024;

/** 导入方案: upload a plan document; it is parsed into a draft, opened for review. */
export function PlanImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) {
      setError('文件超过20MB，请压缩图片或拆分后再导入');
      return;
    }
    setUploading(true);
    try {
      const imported = await plansApi.import(file, newIdempotencyKey());
      onClose();
      void navigate(`/plans/${imported.plan?.id ?? imported.planId}`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal open={open} title="导入方案" onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">支持 .txt、.md、.docx 格式的行动计划或实施方案。导入后生成草稿，核对任务、责任单位和期限后再发布。</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{uploading ? '正在解析方案…' : '点击选择文件，或将文件拖到此处'}</p>
        <p className="ant-upload-hint">单个文件不超过20MB</p>
      </Upload.Dragger>
    </Modal>
  );
}
