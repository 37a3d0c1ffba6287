/** What an ICC profile's header and description tag say (ICC.1:2010, 7.2 and 9.2.41; v2 `desc`, v4 `mluc`). */
export interface IccFacts {
  /** Profile size in bytes, from the header. */
  size: number;
  /** Data colour space signature, trimmed: 'CMYK', 'RGB', 'GRAY', 'Lab'. */
  colourSpace: string;
  /** Profile/device class signature: 'prtr' for an output (printer) profile, 'mntr', 'scnr', 'spac', 'link'. */
  profileClass: string;
  /** Profile connection space: 'XYZ' or 'Lab'. */
  connectionSpace: string;
  /** Version as major.minor.bugfix, e.g. '2.1.0' or '4.3.0'. */
  version: string;
  /** True when bytes 36-39 are the 'acsp' signature every ICC profile carries. */
  signatureOk: boolean;
  /** The 'desc' tag's text (ASCII from a v2 textDescriptionType, or the first record of a v4 mluc), or null. */
  description: string | null;
}

function sig(data: Buffer, offset: number): string {
  return data.toString('latin1', offset, offset + 4).replace(/[\s\0]+$/, '');
}

function description(data: Buffer): string | null {
  if (data.length < 132) return null;
  const count = data.readUInt32BE(128);
  for (let i = 0; i < count && 132 + 12 * (i + 1) <= data.length; i++) {
    const entry = 132 + 12 * i;
    if (sig(data, entry) !== 'desc') continue;
    const offset = data.readUInt32BE(entry + 4);
    const size = data.readUInt32BE(entry + 8);
    if (offset + size > data.length || size < 12) return null;
    const type = sig(data, offset);
    if (type === 'desc') {
      const length = data.readUInt32BE(offset + 8);
      return data.toString('latin1', offset + 12, offset + 12 + length).replace(/\0+$/, '');
    }
    if (type === 'mluc') {
      const records = data.readUInt32BE(offset + 8);
      if (records < 1) return null;
      const length = data.readUInt32BE(offset + 20);
      const start = offset + data.readUInt32BE(offset + 24);
      const utf16be = data.subarray(start, start + length);
      return Buffer.from(utf16be).swap16().toString('utf16le');
    }
    return null;
  }
  return null;
}

/** Reads an ICC profile's header facts, or null when the data is too short to be a profile. */
export function readIccHeader(data: Buffer): IccFacts | null {
  if (data.length < 128) return null;
  const v = data.readUInt8(8);
  const minor = data.readUInt8(9);
  return {
    size: data.readUInt32BE(0),
    colourSpace: sig(data, 16),
    profileClass: sig(data, 12),
    connectionSpace: sig(data, 20),
    version: `${v}.${minor >> 4}.${minor & 0x0f}`,
    signatureOk: sig(data, 36) === 'acsp',
    description: description(data),
  };
}
