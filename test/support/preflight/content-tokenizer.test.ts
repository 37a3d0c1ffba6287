import { tokenizeContent } from './content-tokenizer';

describe('tokenizeContent', () => {
  it('keeps operators inside strings, hex strings, dictionaries and comments out of the operator list', () => {
    const ops = tokenizeContent(
      Buffer.from('/P <</MCID 0 /Alt (1 0 0 rg)>> BDC % 0 0 1 RG\nBT (a (nested) \\) 1 0 0 rg) Tj <31207267> Tj [(x) -20 (y)] TJ ET EMC'),
    );
    expect(ops.map((o) => o.operator)).toEqual(['BDC', 'BT', 'Tj', 'Tj', 'TJ', 'ET', 'EMC']);
    expect(ops[0]!.operands).toEqual([{ name: 'P' }, { dict: { MCID: 0, Alt: { string: Buffer.from('1 0 0 rg') } } }]);
    expect(ops[2]!.operands).toEqual([{ string: Buffer.from('a (nested) ) 1 0 0 rg') }]);
    expect(ops[3]!.operands).toEqual([{ string: Buffer.from('1 rg') }]);
    expect(ops[4]!.operands).toEqual([[{ string: Buffer.from('x') }, -20, { string: Buffer.from('y') }]]);
  });

  it('reads an inline image as one operation and skips binary data that looks like operators', () => {
    const data = Buffer.concat([Buffer.from('q BI /W 2 /H 1 /CS /RGB /BPC 8 ID '), Buffer.from([0x45, 0x49, 0x20, 0x72, 0x67, 0x0a]), Buffer.from('\nEI Q 0 0 0 1 k')]);
    const ops = tokenizeContent(data);
    expect(ops.map((o) => o.operator)).toEqual(['q', 'BI', 'Q', 'k']);
    expect(ops[1]!.inlineImage).toEqual({ W: 2, H: 1, CS: { name: 'RGB' }, BPC: 8 });
    expect(ops[3]!.operands).toEqual([0, 0, 0, 1]);
  });

  it('decodes #xx escapes in names and reads signed and fractional numbers', () => {
    const ops = tokenizeContent(Buffer.from('/PANTONE#20185#20C cs -.5 +1. 0.25 sc'));
    expect(ops).toEqual([
      { operator: 'cs', operands: [{ name: 'PANTONE 185 C' }] },
      { operator: 'sc', operands: [-0.5, 1, 0.25] },
    ]);
  });
});
