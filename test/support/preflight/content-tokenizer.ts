/**
 * An operand of a content-stream operator. Names keep no slash and are tagged so they differ from
 * operators and strings; strings are raw bytes (escapes and hex decoded).
 */
export type Operand =
  | number
  | boolean
  | null
  | { name: string }
  | { string: Buffer }
  | Operand[]
  | { dict: Record<string, Operand> };

/** One operator with its operands; an inline image (BI ... ID ... EI) is one `BI` operation with its dictionary. */
export interface Operation {
  operator: string;
  operands: Operand[];
  /** For `BI`: the inline image's dictionary, keys without slash (abbreviations kept as written). */
  inlineImage?: Record<string, Operand>;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function isRegular(byte: number): boolean {
  return !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
}

/** Marks the end of an array or dictionary while parsing nested operands. */
const CLOSE_ARRAY = Symbol(']');
const CLOSE_DICT = Symbol('>>');
type Token = Operand | { operator: string } | typeof CLOSE_ARRAY | typeof CLOSE_DICT;

/**
 * Splits a decoded content stream into operations (ISO 32000-1, 7.8.2): numbers, names (with #xx
 * escapes), literal strings (nested parentheses, escapes), hex strings, arrays, dictionaries,
 * comments, and inline images, whose binary data is skipped up to the `EI` that follows whitespace.
 */
export function tokenizeContent(data: Buffer): Operation[] {
  let pos = 0;
  const n = data.length;

  function skipSpaceAndComments(): void {
    while (pos < n) {
      const b = data[pos]!;
      if (WHITESPACE.has(b)) pos++;
      else if (b === 0x25) {
        while (pos < n && data[pos] !== 0x0a && data[pos] !== 0x0d) pos++;
      } else break;
    }
  }

  function literalString(): Buffer {
    pos++; // (
    const out: number[] = [];
    let depth = 1;
    while (pos < n) {
      const b = data[pos++]!;
      if (b === 0x5c) {
        const c = data[pos++];
        if (c === undefined) break;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[c] !== undefined) out.push(simple[c]!);
        else if (c >= 0x30 && c <= 0x37) {
          let octal = c - 0x30;
          for (let i = 0; i < 2 && pos < n && data[pos]! >= 0x30 && data[pos]! <= 0x37; i++) octal = octal * 8 + (data[pos++]! - 0x30);
          out.push(octal & 0xff);
        } else if (c === 0x0d) {
          if (data[pos] === 0x0a) pos++; // line continuation
        } else if (c !== 0x0a) out.push(c);
      } else if (b === 0x28) {
        depth++;
        out.push(b);
      } else if (b === 0x29) {
        if (--depth === 0) break;
        out.push(b);
      } else out.push(b);
    }
    return Buffer.from(out);
  }

  function hexString(): Buffer {
    pos++; // <
    let hex = '';
    while (pos < n && data[pos] !== 0x3e) {
      const ch = String.fromCharCode(data[pos++]!);
      if (/[0-9a-fA-F]/.test(ch)) hex += ch;
    }
    pos++; // >
    if (hex.length % 2) hex += '0';
    return Buffer.from(hex, 'hex');
  }

  function regularWord(): string {
    const start = pos;
    while (pos < n && isRegular(data[pos]!)) pos++;
    return data.toString('latin1', start, pos);
  }

  function name(): string {
    pos++; // /
    return regularWord().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }

  function next(): Token | undefined {
    skipSpaceAndComments();
    if (pos >= n) return undefined;
    const b = data[pos]!;
    if (b === 0x28) return { string: literalString() };
    if (b === 0x3c) {
      if (data[pos + 1] === 0x3c) {
        pos += 2;
        return { dict: dictionaryBody() };
      }
      return { string: hexString() };
    }
    if (b === 0x3e && data[pos + 1] === 0x3e) {
      pos += 2;
      return CLOSE_DICT;
    }
    if (b === 0x5b) {
      pos++;
      const items: Operand[] = [];
      for (;;) {
        const t = next();
        if (t === undefined || t === CLOSE_ARRAY) break;
        if (t === CLOSE_DICT || isOperator(t)) continue; // malformed: keep going
        items.push(t);
      }
      return items;
    }
    if (b === 0x5d) {
      pos++;
      return CLOSE_ARRAY;
    }
    if (b === 0x2f) return { name: name() };
    if (!isRegular(b)) {
      pos++; // stray delimiter such as { } or a lone >
      return next();
    }
    const word = regularWord();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return { operator: word };
  }

  function dictionaryBody(): Record<string, Operand> {
    const dict: Record<string, Operand> = {};
    for (;;) {
      const key = next();
      if (key === undefined || key === CLOSE_DICT) break;
      if (!isName(key)) continue;
      const value = next();
      if (value === undefined || value === CLOSE_DICT) break;
      if (value === CLOSE_ARRAY || isOperator(value)) continue;
      dict[key.name] = value;
    }
    return dict;
  }

  /** Reads an inline image's dictionary up to ID, then skips its data to the EI that ends it. */
  function inlineImage(): Record<string, Operand> {
    const dict: Record<string, Operand> = {};
    for (;;) {
      const key = next();
      if (key === undefined) return dict;
      if (isOperator(key) && key.operator === 'ID') break;
      if (!isName(key)) continue;
      const value = next();
      if (value === undefined) return dict;
      if (isOperator(value) && value.operator === 'ID') break;
      if (value === CLOSE_ARRAY || value === CLOSE_DICT || isOperator(value)) continue;
      dict[key.name] = value;
    }
    pos++; // the single whitespace after ID
    // Data ends at whitespace + "EI" followed by whitespace or the end of the stream.
    while (pos < n) {
      if (
        WHITESPACE.has(data[pos]!) &&
        data[pos + 1] === 0x45 &&
        data[pos + 2] === 0x49 &&
        (pos + 3 >= n || WHITESPACE.has(data[pos + 3]!) || DELIMITERS.has(data[pos + 3]!))
      ) {
        pos += 3;
        return dict;
      }
      pos++;
    }
    return dict;
  }

  const operations: Operation[] = [];
  let operands: Operand[] = [];
  for (;;) {
    const t = next();
    if (t === undefined) break;
    if (t === CLOSE_ARRAY || t === CLOSE_DICT) continue;
    if (isOperator(t)) {
      if (t.operator === 'BI') {
        operations.push({ operator: 'BI', operands: [], inlineImage: inlineImage() });
      } else {
        operations.push({ operator: t.operator, operands });
      }
      operands = [];
    } else operands.push(t);
  }
  return operations;
}

function isOperator(t: Token): t is { operator: string } {
  return typeof t === 'object' && t !== null && !Array.isArray(t) && 'operator' in t;
}

/** True when an operand is a name. */
export function isName(t: Token | undefined): t is { name: string } {
  return typeof t === 'object' && t !== null && !Array.isArray(t) && 'name' in t;
}

/** True when an operand is a string. */
export function isString(t: Operand | undefined): t is { string: Buffer } {
  return typeof t === 'object' && t !== null && !Array.isArray(t) && 'string' in t;
}
