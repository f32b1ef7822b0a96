import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { loadConfig } from '@duban/config';
import { createObjectStorage } from './create-object-storage';
import { StorageObjectNotFound } from './object-storage';
import { S3Storage } from './s3.storage';

/**
 * No maintained in-process S3-compatible server exists on npm (s3rver's last release is from
 * 2021), so the S3 driver is checked against the AWS SDK's own client mock: the commands it
 * sends and how it reads the answers. docker-compose runs it against MinIO.
 */
describe('S3Storage (aws-sdk-client-mock)', () => {
  const s3 = mockClient(S3Client);
  beforeEach(() => s3.reset());

  it('puts a streamed body with its declared length and type', async () => {
    s3.on(PutObjectCommand).resolves({});
    const body = Readable.from([Buffer.from('%PDF-1.7')]);
    await new S3Storage(new S3Client({ region: 'us-east-1' }), 'duban-evidence').put('evidence/a/f', body, { contentType: 'application/pdf', size: 8 });
    const input = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ Bucket: 'duban-evidence', Key: 'evidence/a/f', ContentLength: 8, ContentType: 'application/pdf' });
    expect(input.Body).toBe(body);
  });

  it('gets the body as a stream; a missing key is StorageObjectNotFound', async () => {
    s3.on(GetObjectCommand, { Key: 'evidence/a/f' }).resolves({ Body: Readable.from([Buffer.from('图片')]) as never });
    s3.on(GetObjectCommand, { Key: 'evidence/a/missing' }).rejects(new NoSuchKey({ message: 'no such key', $metadata: { httpStatusCode: 404 } }));
    const storage = new S3Storage(new S3Client({ region: 'us-east-1' }), 'b');
    expect(await text(await storage.get('evidence/a/f'))).toBe('图片');
    await expect(storage.get('evidence/a/missing')).rejects.toBeInstanceOf(StorageObjectNotFound);
  });

  it('stats by HEAD (null when missing) and deletes', async () => {
    s3.on(HeadObjectCommand, { Key: 'evidence/a/f' }).resolves({ ContentLength: 42 });
    s3.on(HeadObjectCommand, { Key: 'evidence/a/missing' }).rejects(new NotFound({ message: 'not found', $metadata: { httpStatusCode: 404 } }));
    s3.on(DeleteObjectCommand).resolves({});
    const storage = new S3Storage(new S3Client({ region: 'us-east-1' }), 'b');
    expect(await storage.stat('evidence/a/f')).toEqual({ size: 42 });
    expect(await storage.stat('evidence/a/missing')).toBeNull();
    await storage.delete('evidence/a/f');
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'b', Key: 'evidence/a/f' });
  });

  it('passes other errors on (a store that is down is not a missing file)', async () => {
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('connect ECONNREFUSED'), { name: 'Error' }));
    await expect(new S3Storage(new S3Client({ region: 'us-east-1' }), 'b').stat('evidence/a/f')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses keys outside its own shape before sending anything', async () => {
    await expect(new S3Storage(new S3Client({ region: 'us-east-1' }), 'b').stat('../other-bucket/x')).rejects.toThrow(/invalid storage key/);
    expect(s3.calls()).toHaveLength(0);
  });

  it('is what STORAGE_DRIVER=s3 configures, with endpoint, path style and credentials', async () => {
    const storage = createObjectStorage(
      loadConfig({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'evidence', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_FORCE_PATH_STYLE: 'true' }),
    );
    expect(storage).toBeInstanceOf(S3Storage);
    const client = (storage as unknown as { client: S3Client }).client;
    expect(client.config.forcePathStyle).toBe(true);
    const endpoint = await client.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('http://minio:9000');
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'k', secretAccessKey: 's' });
  });
});
