import { loadConfig } from '../../../common/node/config';

const trustProxy = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(trustProxy()).toBe(false);
    expect(trustProxy('false')).toBe(false);
  });

  it('takes a hop count, or a list of addresses, subnets and names', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('loopback, 10.0.0.0/8, 192.168.1.1, fd00::/8, 10.1.0.0/255.255.0.0')).toEqual(['loopback', '10.0.0.0/8', '192.168.1.1', 'fd00::/8', '10.1.0.0/255.255.0.0']);
  });

  it('refuses true, which would let any client pick its own address', () => {
    expect(() => trustProxy('true')).toThrow(/TRUST_PROXY: must not be true/);
  });

  it('refuses what is not an address, naming it', () => {
    expect(() => trustProxy('loopback,proxy.example.org')).toThrow(/"proxy.example.org" is not a hop count/);
    expect(() => trustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });
});
