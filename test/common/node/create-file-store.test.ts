import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../common/node/config';
import { createFileStore } from '../../../common/node/create-file-store';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { S3FileStore } from '../../../common/node/s3-file-store';
import { startTestS3, TEST_S3_CREDENTIALS } from '../../support/test-s3';
import { freshKey } from './file-store-contract';

describe('choosing the file store from the configuration', () => {
  it('uses the directory store by default, in FILES_DIR', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-files-'));
    try {
      const store = createFileStore(loadConfig({ FILES_DIR: dir }));
      expect(store).toBeInstanceOf(DirectoryFileStore);
      const key = freshKey();
      await store.put(key, Buffer.from('here'));
      expect(fs.readFileSync(path.join(dir, key), 'utf8')).toBe('here');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the bucket when FILE_STORE=s3', async () => {
    const s3 = await startTestS3();
    try {
      const config = loadConfig({
        FILE_STORE: 's3',
        S3_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: TEST_S3_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: TEST_S3_CREDENTIALS.secretAccessKey,
      });
      const store = createFileStore(config);
      expect(store).toBeInstanceOf(S3FileStore);
      const key = freshKey();
      await store.put(key, Buffer.from('in the bucket'));
      expect((await store.read(key))?.toString()).toBe('in the bucket');
    } finally {
      await s3.close();
    }
  });

  describe('when the S3 settings are incomplete', () => {
    it('refuses FILE_STORE=s3 without a bucket', () => {
      expect(() => loadConfig({ FILE_STORE: 's3' })).toThrow(/S3_BUCKET must be set/);
    });

    it('refuses an access key without its secret, and the other way round', () => {
      expect(() => loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
      expect(() => loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 's' })).toThrow(/both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    });

    it('refuses an endpoint that is not an http(s) URL', () => {
      expect(() => loadConfig({ S3_ENDPOINT: 'ftp://store:21' })).toThrow(/S3_ENDPOINT/);
    });

    it('reads empty settings (as a compose file writes them) as unset', () => {
      const config = loadConfig({ S3_ENDPOINT: '', S3_BUCKET: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' });
      expect(config).toMatchObject({ FILE_STORE: 'directory', S3_ENDPOINT: undefined, S3_BUCKET: undefined });
    });
  });
});
