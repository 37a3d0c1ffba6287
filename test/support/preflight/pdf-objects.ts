import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Longest a qpdf run may take, in milliseconds; a hung tool fails the test instead of stalling it. */
const QPDF_TIMEOUT_MS = 20_000;

/**
 * A PDF value as qpdf's JSON v2 writes it: names are "/Name" (or "n:/Name" when not plain UTF-8),
 * strings "u:text" (decoded) or "b:hex", references "12 0 R", and numbers, booleans, null, arrays
 * and dictionaries (keys with their leading slash) as JSON.
 */
export type PdfValue = string | number | boolean | null | PdfValue[] | PdfDict;
export interface PdfDict {
  [key: string]: PdfValue;
}

interface QpdfObjectEntry {
  value?: PdfValue;
  stream?: { dict: PdfDict; datafile?: string };
}

interface QpdfJson {
  qpdf: [{ pdfversion: string }, Record<string, QpdfObjectEntry>];
  pages: Array<{ object: string; contents: string[] }>;
}

const REF = /^(\d+) (\d+) R$/;

/** True when a JSON value is an indirect reference ("12 0 R"). */
export function isRef(value: PdfValue | undefined): value is string {
  return typeof value === 'string' && REF.test(value);
}

/** The name a value holds, without its slash, or null when it is not a name. */
export function nameOf(value: PdfValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('/')) return value.slice(1);
  if (value.startsWith('n:/')) return value.slice(3);
  return null;
}

/** The text a string value holds (binary strings as Latin-1), or null when it is not a string. */
export function stringOf(value: PdfValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return null;
}

/** The bytes a string value holds, or null when it is not a string. */
export function bytesOf(value: PdfValue | undefined): Buffer | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('u:')) return Buffer.from(value.slice(2), 'utf8');
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex');
  return null;
}

export function isDict(value: PdfValue | undefined): value is PdfDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every object of a PDF as qpdf parsed it (`qpdf --json=2`), with stream data decoded by qpdf
 * (generalized filters: Flate, LZW, ASCII; images stay DCT/JPX-encoded) and read on demand.
 */
export class PdfObjects {
  private constructor(
    /** Version from the file header, e.g. "1.6". */
    readonly pdfVersion: string,
    private readonly objects: Record<string, QpdfObjectEntry>,
    /** Page objects in page order, as references. */
    readonly pageRefs: string[],
    private readonly streamFiles: Map<string, Buffer>,
  ) {}

  /** Runs qpdf once over the file and loads every object and every stream's decoded data. */
  static async load(data: Buffer): Promise<PdfObjects> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-preflight-'));
    try {
      const file = path.join(dir, 'doc.pdf');
      fs.writeFileSync(file, data);
      const json = path.join(dir, 'doc.json');
      await run(
        'qpdf',
        ['--json=2', '--json-stream-data=file', `--json-stream-prefix=${path.join(dir, 's')}`, '--decode-level=generalized', file, json],
        { timeout: QPDF_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      );
      const parsed = JSON.parse(fs.readFileSync(json, 'utf8')) as QpdfJson;
      const [header, objects] = parsed.qpdf;
      const streamFiles = new Map<string, Buffer>();
      for (const [key, entry] of Object.entries(objects)) {
        if (entry.stream?.datafile) streamFiles.set(key.replace(/^obj:/, ''), fs.readFileSync(entry.stream.datafile));
      }
      return new PdfObjects(header.pdfversion, objects, parsed.pages.map((p) => p.object), streamFiles);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The trailer dictionary. */
  get trailer(): PdfDict {
    const t = this.objects['trailer']?.value;
    return isDict(t) ? t : {};
  }

  /** Follows references until a direct value. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let hops = 0; isRef(v) && hops < 32; hops++) {
      const entry = this.objects[`obj:${v}`];
      v = entry?.stream ? entry.stream.dict : entry?.value;
    }
    return v;
  }

  /** The dictionary a value holds or refers to (a stream's dictionary for streams), or null. */
  dict(value: PdfValue | undefined): PdfDict | null {
    const v = this.resolve(value);
    return isDict(v) ? v : null;
  }

  /** The array a value holds or refers to, or null. */
  array(value: PdfValue | undefined): PdfValue[] | null {
    const v = this.resolve(value);
    return Array.isArray(v) ? v : null;
  }

  /** The number a value holds or refers to, or null. */
  number(value: PdfValue | undefined): number | null {
    const v = this.resolve(value);
    return typeof v === 'number' ? v : null;
  }

  /** True when the reference names a stream object. */
  isStream(ref: PdfValue | undefined): boolean {
    return isRef(ref) && this.objects[`obj:${ref}`]?.stream !== undefined;
  }

  /** A stream's data as qpdf decoded it (empty when it has none), or null when the value is not a stream reference. */
  streamData(ref: PdfValue | undefined): Buffer | null {
    let r = ref;
    // A reference to a reference to a stream is legal if unusual.
    for (let hops = 0; isRef(r) && hops < 32; hops++) {
      const entry = this.objects[`obj:${r}`];
      if (entry?.stream) return this.streamFiles.get(r) ?? Buffer.alloc(0);
      r = entry?.value;
    }
    return null;
  }

  /** Every object, as [reference, dictionary-or-value], streams giving their dictionary. */
  *entries(): Generator<[string, PdfValue | undefined]> {
    for (const [key, entry] of Object.entries(this.objects)) {
      if (!key.startsWith('obj:')) continue;
      yield [key.slice(4), entry.stream ? entry.stream.dict : entry.value];
    }
  }

  /** A page attribute, inherited through the page tree's /Parent chain where the page lacks it. */
  inherited(pageRef: string, key: string): PdfValue | undefined {
    let node = this.dict(pageRef);
    for (let depth = 0; node && depth < 64; depth++) {
      if (node[key] !== undefined) return node[key];
      node = this.dict(node['/Parent']);
    }
    return undefined;
  }
}
