import type { DubanConfig } from '@duban/config';
import { LocalDiskStorage } from './local-disk.storage';
import type { ObjectStorage } from './object-storage';
import { s3ClientFor, S3Storage } from './s3.storage';

/** The store the configuration names (STORAGE_DRIVER). */
export function createObjectStorage(config: DubanConfig): ObjectStorage {
  if (config.storageDriver === 's3') {
    return new S3Storage(
      s3ClientFor({
        endpoint: config.s3Endpoint,
        bucket: config.s3Bucket,
        region: config.s3Region,
        accessKeyId: config.s3AccessKeyId,
        secretAccessKey: config.s3SecretAccessKey,
        forcePathStyle: config.s3ForcePathStyle,
      }),
      config.s3Bucket,
    );
  }
  return new LocalDiskStorage(config.storageLocalDir);
}
