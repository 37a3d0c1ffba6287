import { loadConfig } from '../../common/node/config';
import { DEFAULT_RSS_LIMIT_MB, SERVER_NODE_FLAGS, serverNodeFlags } from '../../server/server-node-flags';

describe('the server\'s runtime flags', () => {
  it('bound the old generation to half the RSS limit, so V8 collects before the RSS rule holds the ladder up', () => {
    expect(serverNodeFlags(512)).toContain('--max-old-space-size=256');
    expect(serverNodeFlags(2048)).toContain('--max-old-space-size=1024');
    expect(serverNodeFlags(2048)).toContain('--max-semi-space-size=4');
  });

  it('are, for the container, those of the configured default', () => {
    expect(loadConfig({}).RSS_LIMIT_MB).toBe(DEFAULT_RSS_LIMIT_MB);
    expect(SERVER_NODE_FLAGS).toEqual(serverNodeFlags(DEFAULT_RSS_LIMIT_MB));
  });
});
