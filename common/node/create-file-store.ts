import type { Config } from './config';
import { DirectoryFileStore, type FileStore } from './file-store';
import { createS3Client, S3FileStore } from './s3-file-store';

/** The settings that choose and reach the file store. */
export type FileStoreConfig = Pick<
  Config,
  'FILE_STORE' | 'FILES_DIR' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'
>;

/**
 * The file store the configuration names: a local folder (one machine, or a volume every process
 * mounts) or an S3-compatible bucket (any number of machines). Opens no connection: a wrong bucket
 * or key shows at the first read or write, which in a server is seeding the sample assets at start.
 */
export function createFileStore(config: FileStoreConfig): FileStore {
  if (config.FILE_STORE === 'directory') return new DirectoryFileStore(config.FILES_DIR);
  if (!config.S3_BUCKET) throw new Error('invalid configuration: S3_BUCKET must be set when FILE_STORE=s3');
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined;
  const client = createS3Client({ region: config.S3_REGION, endpoint: config.S3_ENDPOINT, forcePathStyle: config.S3_FORCE_PATH_STYLE, credentials });
  return new S3FileStore({ client, bucket: config.S3_BUCKET });
}
