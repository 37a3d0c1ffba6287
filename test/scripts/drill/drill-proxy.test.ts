import fs from 'node:fs';
import path from 'node:path';
import { drillNginxConfig } from '../../../scripts/drill/drill-proxy';

const root = path.join(__dirname, '..', '..', '..');
const deployed = fs.readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8');
const upstreamServers = { rosette_servers: ['127.0.0.1:41001', '127.0.0.1:41002', '127.0.0.1:41003'], rosette_members: ['127.0.0.1:41001', '127.0.0.1:41002', '127.0.0.1:41003'], rosette_reserved: ['127.0.0.1:42001', '127.0.0.1:42002', '127.0.0.1:42003'] };
const places = { port: 40123, upstreams: upstreamServers, deployDir: '/repo/deploy', workDir: '/tmp/drill/nginx', logDir: '/tmp/drill/logs' };
const config = drillNginxConfig(deployed, places);
const upstreams = (c: string) => [...c.matchAll(/^\s*upstream\s+(\w+)\s*\{([^}]*)\}/gm)].map((m) => ({ name: m[1]!, servers: [...m[2]!.matchAll(/^\s*server\s+(\S+)\s*([^;]*);/gm)].map((s) => `${s[1]} ${s[2]}`) }));

describe("the drill's nginx config", () => {
  it("sends each upstream to the drill's servers, with the deployed replica options but Docker's resolve", () => {
    const deployedUpstreams = upstreams(deployed);
    expect(deployedUpstreams.length).toBeGreaterThan(0);
    expect(upstreams(config)).toEqual(
      deployedUpstreams.map((u) => {
        const options = u.servers[0]!.split(' ').slice(1).filter((o) => o !== 'resolve').join(' ');
        return { name: u.name, servers: upstreamServers[u.name as keyof typeof upstreamServers].map((s) => `${s} ${options}`) };
      }),
    );
  });

  it('keeps everything else of the deployed config: keepalive, locations, error pages', () => {
    const keep = (c: string) => [...c.matchAll(/^\s*(keepalive\w*|location|error_page|limit_req\w*|client_\w+_timeout|proxy_pass)\b[^\n]*/gm)].map((m) => m[0].trim());
    expect(keep(config)).toEqual(keep(deployed));
  });

  it("listens on the drill's loopback port and keeps its files in the drill's folders", () => {
    expect(config).toContain('listen 127.0.0.1:40123;');
    expect(config).toContain('pid /tmp/drill/nginx/nginx.pid;');
    expect(config).toContain('include /repo/deploy/proxy.conf;');
    expect(config).toContain('access_log /tmp/drill/logs/nginx-access.log rosette buffer=64k flush=1s;');
    expect(config).toMatch(/client_body_temp_path \/tmp\/drill\/nginx\/body;/);
    const directives = config.split('\n').filter((line) => !line.trim().startsWith('#'));
    expect(directives.filter((line) => /\/etc\/nginx\/rosette|\/dev\/std|^\s*user\s|^\s*resolver\s|\bresolve\b/.test(line))).toEqual([]);
  });

  it('refuses an upstream it has no servers for', () => {
    expect(() => drillNginxConfig(deployed, { ...places, upstreams: { rosette_servers: upstreamServers.rosette_servers, rosette_members: upstreamServers.rosette_members } })).toThrow(/rosette_reserved/);
  });

  it('refuses a config it cannot move to its own port', () => {
    expect(() => drillNginxConfig(deployed.replace(/listen \d+;/, 'listen [::]:8080;'), places)).toThrow(/listen/);
  });
});
