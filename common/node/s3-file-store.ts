import { createHash } from 'node:crypto';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertValidKey, type FileStore, type StoredFile } from './file-store';

/** How to reach an S3-compatible bucket. */
export interface S3ClientOptions {
  region: string;
  /** Endpoint of an S3-compatible service, e.g. `http://minio:9000`; undefined for AWS S3 itself. */
  endpoint?: string;
  /** `endpoint/bucket/key` addressing instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
  /** Static credentials; undefined lets the AWS SDK find them (instance role, AWS_* variables, ~/.aws). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Time allowed to open a connection to the store, milliseconds. */
const CONNECT_TIMEOUT_MS = 3_000;
/** Time allowed from sending a request until the response headers arrive, milliseconds. */
const RESPONSE_TIMEOUT_MS = 15_000;
/**
 * Time a connection may sit idle mid-transfer, milliseconds. This is also how long a download to a
 * stalled browser may wait on backpressure before the store's side of it is given up.
 */
const IDLE_TIMEOUT_MS = 30_000;
/** Connections kept open to the store per process: downloads stream through them concurrently. */
const MAX_SOCKETS = 128;

/** Content types by key extension, so objects served straight from the bucket or a CDN are typed. */
const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png', json: 'application/json' };

/**
 * An S3 client for one process. Checksums are sent and checked only where S3 requires them: the SDK's
 * default CRC32 headers (since 3.729) are refused by several S3-compatible services; integrity of
 * uploads comes from Content-MD5 instead, which every one of them checks.
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: RESPONSE_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      socketTimeout: IDLE_TIMEOUT_MS,
      httpAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
      httpsAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
    },
  });
}

/**
 * A FileStore in an S3-compatible bucket, so servers and workers on different machines share one
 * store. Keys are used as object keys unchanged (`pdfs/<sha256>.pdf`). PutObject is atomic by nature:
 * readers see the previous object or the whole new one, never part of it.
 */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: { client: S3Client; bucket: string }) {
    this.client = options.client;
    this.bucket = options.bucket;
  }

  async put(key: string, data: Buffer): Promise<void> {
    assertValidKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: data,
        ContentLength: data.length,
        ContentMD5: createHash('md5').update(data).digest('base64'),
        ContentType: CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
        // Keys are content hashes: an object never changes, so a CDN in front of the bucket may keep it forever.
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async read(key: string): Promise<Buffer | null> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!res.Body) throw new Error(`the S3 store sent no body for ${key}`);
      const bytes = await res.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (err) {
      if (isMissingObject(err)) return null;
      throw err;
    }
  }

  async stat(key: string): Promise<StoredFile | null> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: res.ContentLength ?? 0, modified: res.LastModified ?? new Date(0) };
    } catch (err) {
      if (isMissingObject(err)) return null;
      throw err;
    }
  }

  /** Deletes the object (S3 answers a delete of a missing key as a success). */
  async remove(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /**
   * The object's body as it arrives, without buffering it. The request starts at once; destroying the
   * stream early aborts it and frees its connection.
   */
  stream(key: string): Readable {
    assertValidKey(key);
    const out = new PassThrough();
    const abort = new AbortController();
    out.once('close', () => {
      if (!out.readableEnded) abort.abort();
    });
    this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal: abort.signal }).then(
      (res) => {
        const body = res.Body;
        if (!(body instanceof Readable)) {
          out.destroy(new Error(`the S3 store sent no readable body for ${key}`));
          return;
        }
        if (out.destroyed) {
          body.destroy();
          return;
        }
        // pipeline passes an error of either side to the other and destroys both.
        pipeline(body, out, () => undefined);
      },
      (err: unknown) => {
        if (out.destroyed) return;
        out.destroy(isMissingObject(err) ? missingFileError(key) : toError(err));
      },
    );
    return out;
  }
}

/**
 * S3 says NoSuchKey for a missing object; HEAD has no body, so the SDK calls its 404 NotFound. (A
 * missing bucket also answers HEAD with a bare 404, so stat() cannot tell it apart; read() and put()
 * fail with NoSuchBucket. Without s3:ListBucket, S3 answers 403 for a missing object: an error here.)
 */
function isMissingObject(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}

/** The error a missing file gives in the directory store too, so callers handle one shape. */
function missingFileError(key: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`no such file in the S3 store: ${key}`), { code: 'ENOENT' });
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
