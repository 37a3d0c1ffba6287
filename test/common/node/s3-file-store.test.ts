import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, S3FileStore } from '../../../common/node/s3-file-store';
import { startTestS3, TEST_S3_CREDENTIALS } from '../../support/test-s3';
import { describeFileStoreContract, freshKey } from './file-store-contract';

describeFileStoreContract('S3FileStore against s3rver', async () => {
  const s3 = await startTestS3();
  const client = createS3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: TEST_S3_CREDENTIALS });
  return {
    store: new S3FileStore({ client, bucket: s3.bucket }),
    async cleanup() {
      client.destroy();
      await s3.close();
    },
  };
});

describe('S3FileStore', () => {
  let s3: Awaited<ReturnType<typeof startTestS3>>;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(async () => {
    await s3?.close();
  });

  const storeWith = (options: { bucket?: string; accessKeyId?: string }) => {
    const client = createS3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { ...TEST_S3_CREDENTIALS, accessKeyId: options.accessKeyId ?? TEST_S3_CREDENTIALS.accessKeyId },
    });
    return { store: new S3FileStore({ client, bucket: options.bucket ?? s3.bucket }), client };
  };

  describe('when the bucket does not exist', () => {
    it('fails reads and streams instead of answering "no such file"', async () => {
      const { store, client } = storeWith({ bucket: 'no-such-bucket' });
      await expect(store.read(freshKey())).rejects.toMatchObject({ name: 'NoSuchBucket' });
      await expect(store.put(freshKey(), Buffer.from('x'))).rejects.toMatchObject({ name: 'NoSuchBucket' });
      client.destroy();
    });
  });

  describe('when the access key is unknown', () => {
    it('fails every operation rather than pretending the file is missing', async () => {
      // (s3rver checks the access key but not SigV4 signatures, so a wrong secret cannot be tested here.)
      const { store, client } = storeWith({ accessKeyId: 'NOT-A-KEY' });
      await expect(store.put(freshKey(), Buffer.from('x'))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
      await expect(store.read(freshKey())).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
      await expect(store.stat(freshKey())).rejects.toThrow();
      client.destroy();
    });
  });

  it('stores objects with their content type and an immutable cache policy, for a CDN in front of the bucket', async () => {
    const { store, client } = storeWith({});
    const key = freshKey();
    await store.put(key, Buffer.from('%PDF-1.7'));
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentType).toBe('application/pdf');
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
    client.destroy();
  });
});
