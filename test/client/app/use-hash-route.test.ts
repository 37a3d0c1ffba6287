import { parseRoute } from '../../../client/src/app/use-hash-route';

const ORG = 'c'.repeat(32);

describe('the brand kit screen’s address', () => {
  it('is #/brand-kit for the signed-in organisation’s kit', () => {
    expect(parseRoute('#/brand-kit')).toEqual({ screen: 'brand-kit', orgId: null });
  });

  it('is #/brand-kit/<organisation id> for another organisation’s (an admin’s view)', () => {
    expect(parseRoute(`#/brand-kit/${ORG}`)).toEqual({ screen: 'brand-kit', orgId: ORG });
  });

  it('falls back to the gallery for anything that is not an organisation id', () => {
    expect(parseRoute('#/brand-kit/../admin')).toEqual({ screen: 'gallery' });
    expect(parseRoute(`#/brand-kit/${ORG.toUpperCase()}`)).toEqual({ screen: 'gallery' });
  });
});

describe('the template publishing screens’ addresses', () => {
  it('is #/templates for the agent’s templates and #/publish/<design id> for publishing one design', () => {
    expect(parseRoute('#/templates')).toEqual({ screen: 'templates' });
    expect(parseRoute(`#/publish/${ORG}`)).toEqual({ screen: 'publish', designId: ORG });
  });

  it('falls back to the gallery for anything that is not a design id', () => {
    expect(parseRoute('#/publish/')).toEqual({ screen: 'gallery' });
    expect(parseRoute('#/publish/../admin')).toEqual({ screen: 'gallery' });
  });
});
