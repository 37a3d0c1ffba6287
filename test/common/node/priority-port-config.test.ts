import { loadConfig } from '../../../common/node/config';

describe('PRIORITY_PORT', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).PRIORITY_PORT).toBe(0);
    expect(loadConfig({ PORT: '3000', PRIORITY_PORT: '3001' }).PRIORITY_PORT).toBe(3001);
  });

  it('refuses the public port or the metrics port, naming the setting', () => {
    expect(() => loadConfig({ PORT: '3000', PRIORITY_PORT: '3000' })).toThrow(/PRIORITY_PORT \(3000\) must differ from PORT and METRICS_PORT/);
    expect(() => loadConfig({ METRICS_PORT: '9464', PRIORITY_PORT: '9464' })).toThrow(/PRIORITY_PORT/);
  });

  it('refuses what is not a port', () => {
    expect(() => loadConfig({ PRIORITY_PORT: '70000' })).toThrow(/PRIORITY_PORT/);
    expect(() => loadConfig({ PRIORITY_PORT: 'fast' })).toThrow(/PRIORITY_PORT/);
  });
});
