import { imprintText } from '../../../common/layout/imprint-text';

describe('imprintText', () => {
  const printer = { name: 'Riverside Press', address: '5 New Street, Riverside RV1 1AA' };
  const promoter = { name: 'Jo Evans', address: '12 High Street, Riverside RV1 2BB' };

  it('says who promoted and who printed the material, each with an address', () => {
    expect(imprintText({ printer, promoter })).toBe('Promoted by Jo Evans, 12 High Street, Riverside RV1 2BB. Printed by Riverside Press, 5 New Street, Riverside RV1 1AA.');
  });

  it('names the party it was promoted on behalf of, with its address, when there is one', () => {
    expect(imprintText({ printer, promoter, onBehalfOf: { name: 'Riverside Party', address: '1 Market Square, Riverside RV1 3CC' } })).toBe(
      'Promoted by Jo Evans, 12 High Street, Riverside RV1 2BB, on behalf of Riverside Party, 1 Market Square, Riverside RV1 3CC. Printed by Riverside Press, 5 New Street, Riverside RV1 1AA.',
    );
  });
});
