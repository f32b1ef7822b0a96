import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { assertStorageKey, StorageObjectNotFound, type ObjectStorage, type StoredObjectInfo } from './object-storage';

export interface S3StorageOptions {
  /** Empty for AWS itself; e.g. http://minio:9000 for MinIO. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  /** Empty: the SDK's default credential chain (instance role, environment…). */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly forcePathStyle: boolean;
}

export function s3ClientFor(options: S3StorageOptions): S3Client {
  return new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.accessKeyId ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } } : {}),
  });
}

/** Objects in an S3-compatible bucket (AWS, MinIO, Aliyun OSS, Tencent COS): bodies stream, sizes are declared. */
export class S3Storage implements ObjectStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Readable, options: { readonly contentType: string; readonly size: number }): Promise<void> {
    assertStorageKey(key);
    // The length is known (the upload was counted), so the body streams without buffering.
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: options.size, ContentType: options.contentType }));
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!result.Body) throw new StorageObjectNotFound(key);
      return result.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectNotFound(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    assertStorageKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof StorageObjectNotFound) return true;
  const name = (error as { name?: string } | null)?.name;
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return name === 'NoSuchKey' || name === 'NotFound' || status === 404;
}
