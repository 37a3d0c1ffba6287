import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { OPEN_IN_MAINTENANCE, routeKindOf } from '../../server/overload/route-kind';
import { SERVER_NODE_FLAGS } from '../../server/server-node-flags';

/**
 * The production-like stack (docker-compose.yml, deploy/, Dockerfile), checked without a Docker
 * engine: the files parse, everything they reference exists in the repository, and the properties
 * operations rely on hold.
 */
const root = path.join(__dirname, '..', '..');
const composeText = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
// Compose supports YAML merge keys (`<<: *server`); the yaml package needs to be told.
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };

interface Service {
  build?: string | { context: string; dockerfile?: string };
  image?: string;
  command?: string[] | string;
  environment?: Record<string, string>;
  env_file?: string | string[];
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] | string; interval?: string };
  restart?: string;
  deploy?: { replicas?: number; restart_policy?: { condition: string } };
}

const services = Object.entries(compose.services);
const commandOf = (s: Service) => (Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? ''));
const replicasOf = (s: Service) => s.deploy?.replicas ?? 1;
const runs = (file: string) => services.filter(([, s]) => commandOf(s).includes(file));
const serverServices = runs('dist/server/main.js');
const workerServices = runs('dist/worker/main.js');
const exists = (p: string) => fs.existsSync(path.join(root, p));

describe('docker-compose.yml', () => {
  it('parses, with services', () => {
    expect(services.length).toBeGreaterThanOrEqual(4);
  });

  describe('references only what exists', () => {
    it.each(services.filter(([, s]) => s.build))('%s builds from a folder with its Dockerfile', (_name, s) => {
      const build = typeof s.build === 'string' ? { context: s.build } : s.build!;
      expect(exists(build.context)).toBe(true);
      expect(exists(path.join(build.context, build.dockerfile ?? 'Dockerfile'))).toBe(true);
    });

    it.each(services)('%s mounts only files of the repository and declared volumes', (_name, s) => {
      for (const volume of s.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.') || source.startsWith('/')) expect({ volume, exists: exists(source) }).toEqual({ volume, exists: true });
        else expect(Object.keys(compose.volumes ?? {})).toContain(source);
      }
      for (const file of [s.env_file ?? []].flat()) expect(exists(file)).toBe(true);
    });

    it.each(services)('%s depends only on services that exist', (_name, s) => {
      const deps = Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});
      for (const dep of deps) expect(Object.keys(compose.services)).toContain(dep);
    });

    it.each([...serverServices, ...workerServices])('%s runs a program the build produces', (_name, s) => {
      const script = commandOf(s).match(/dist\/(\S+)\.js/)![1]!;
      expect(exists(`${script}.ts`)).toBe(true);
    });
  });

  it.each(serverServices)('%s runs Node with the server\'s runtime flags', (_name, s) => {
    expect(s.command).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/server/main.js']);
  });

  it.each(services)('%s has a health check and a restart policy', (_name, s) => {
    expect(s.healthcheck?.test?.length).toBeGreaterThan(0);
    expect(['always', 'unless-stopped', 'on-failure']).toContain(s.restart ?? s.deploy?.restart_policy?.condition);
  });

  it('runs two server replicas and three workers', () => {
    expect(serverServices.reduce((n, [, s]) => n + replicasOf(s), 0)).toBe(2);
    expect(workerServices.reduce((n, [, s]) => n + replicasOf(s), 0)).toBe(3);
  });

  describe('Redis', () => {
    const redis = compose.services.redis!;
    const command = commandOf(redis);

    it('keeps an append-only file, fsynced every second, on a volume', () => {
      expect(command).toMatch(/--appendonly yes\b/);
      expect(command).toMatch(/--appendfsync everysec\b/);
      expect(redis.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
    });

    it('never evicts keys (BullMQ requires noeviction)', () => {
      expect(command).toMatch(/--maxmemory-policy noeviction\b/);
    });

    it('is reached by every Rosette process at the same URL, with a password', () => {
      const urls = new Set([...serverServices, ...workerServices].map(([, s]) => s.environment?.REDIS_URL));
      expect(urls.size).toBe(1);
      expect([...urls][0]).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]+\}@redis:6379$/);
    });
  });

  describe('secrets', () => {
    it('have no defaults: compose refuses to start without them', () => {
      for (const name of ['REDIS_PASSWORD', 'SESSION_SECRET']) {
        const uses = composeText.match(new RegExp(`\\$\\{${name}[^}]*\\}`, 'g')) ?? [];
        expect(uses.length).toBeGreaterThan(0);
        for (const use of uses) expect(use).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
      }
    });
  });

  describe('the reverse proxy', () => {
    const proxies = services.filter(([, s]) => /^nginx\b/.test(commandOf(s)));
    const [proxyName, proxy] = proxies[0] ?? ['', {} as Service];
    /** The repository path of a path inside the proxy's container, through its bind mounts. */
    const hostPath = (inContainer: string) => {
      for (const volume of proxy.volumes ?? []) {
        const [source, target] = volume.split(':') as [string, string];
        if (inContainer === target || inContainer.startsWith(`${target}/`)) return path.join(source, inContainer.slice(target.length));
      }
      return null;
    };
    const configFile = hostPath(/-c (\S+)/.exec(commandOf(proxy))?.[1] ?? '') ?? '';
    const mainConfig = configFile && exists(configFile) ? fs.readFileSync(path.join(root, configFile), 'utf8') : '';
    const includes = [...mainConfig.matchAll(/^\s*include\s+(\S+);/gm)].map((m) => m[1]!).filter((f) => f.startsWith('/etc/nginx/rosette/'));
    /** nginx.conf with the files it includes from deploy/ appended. */
    const config = [mainConfig, ...includes.map((f) => hostPath(f)).filter((f): f is string => f !== null && exists(f)).map((f) => fs.readFileSync(path.join(root, f), 'utf8'))].join('\n');
    /** The `server` lines of each upstream block. */
    const upstreams = [...mainConfig.matchAll(/^\s*upstream\s+(\w+)\s*\{([^}]*)\}/gm)].map((m) => ({ name: m[1]!, servers: [...m[2]!.matchAll(/^\s*server\s+([\w-]+):(\d+)\b(.*);/gm)].map((s) => ({ host: s[1], port: s[2], options: s[3]! })) }));

    it('exists, with its config file from deploy/', () => {
      expect(proxies).toHaveLength(1);
      expect(configFile).toBe('deploy/nginx.conf');
      expect(config).toContain('upstream');
    });

    it('includes only files that exist in deploy/', () => {
      expect(includes.length).toBeGreaterThan(0);
      for (const file of includes) expect({ file, exists: exists(hostPath(file)!) }).toEqual({ file, exists: true });
    });

    it('sends requests to every server service by name: to its PORT, and the reserved paths to its PRIORITY_PORT', () => {
      const expected = (port: 'PORT' | 'PRIORITY_PORT') => serverServices.map(([name, s]) => ({ host: name, port: s.environment?.[port] })).sort((a, b) => a.host.localeCompare(b.host));
      expect(upstreams.map((u) => u.name)).toEqual(['rosette_servers', 'rosette_members', 'rosette_reserved']);
      const portOf: Record<string, 'PORT' | 'PRIORITY_PORT'> = { rosette_servers: 'PORT', rosette_members: 'PORT', rosette_reserved: 'PRIORITY_PORT' };
      for (const upstream of upstreams) {
        const servers = upstream.servers.map(({ host, port }) => ({ host, port })).sort((a, b) => a.host!.localeCompare(b.host!));
        expect({ upstream: upstream.name, servers }).toEqual({ upstream: upstream.name, servers: expected(portOf[upstream.name]!) });
      }
      for (const [, s] of serverServices) expect(s.environment?.PRIORITY_PORT).toMatch(/^\d+$/);
      expect(proxy.depends_on).toEqual(Object.fromEntries(serverServices.map(([name]) => [name, { condition: 'service_healthy' }])));
    });

    it('overwrites X-Forwarded-For, the one hop the servers trust', () => {
      expect(config).toMatch(/proxy_set_header\s+X-Forwarded-For\s+\$remote_addr;/);
      for (const [, s] of serverServices) expect(s.environment?.TRUST_PROXY).toBe('1');
    });

    it('caps the connections to each replica, so a burst waits in nginx rather than in a server\'s accept queue', () => {
      for (const upstream of upstreams) for (const server of upstream.servers) expect({ upstream: upstream.name, options: server.options }).toEqual({ upstream: upstream.name, options: expect.stringMatching(/\bmax_conns=\d+\b/) });
    });

    it('sends exactly the paths Rosette keeps open in maintenance through the reserved upstream', () => {
      const pattern = /location ~\* (\S+) \{\s*error_log[^;]*;\s*proxy_pass http:\/\/rosette_reserved;/.exec(mainConfig)?.[1];
      expect(pattern).toBeDefined();
      const reserved = new RegExp(pattern!, 'i');
      const paths = ['/downloads/x.pdf', '/DOWNLOADS/x.pdf', '/s/token', '/s/token/leaflet.pdf', '/api/share/token', '/api/session', '/api/admin/status', '/api/admin', '/admin', '/admin/accounts', '/healthz', '/healthz/', '/readyz', '/assets/index-1a2b.js', '/favicon.svg', '/', '/index.html', '/administrator', '/api/templates', '/api/print-jobs', '/api/designs', '/api/assets', '/api/sessions', '/api/administrators'];
      for (const p of paths) expect({ path: p, reserved: reserved.test(p) }).toEqual({ path: p, reserved: OPEN_IN_MAINTENANCE[routeKindOf('GET', p)] });
    });

    it('gives requests with a session cookie (either name) the members\' places, and others the public ones', () => {
      const map = /map \$http_cookie \$rosette_pool \{\s*"~([^"]+)" (\w+);\s*default (\w+);\s*\}/.exec(mainConfig);
      expect(map?.slice(2)).toEqual(['rosette_members', 'rosette_servers']);
      expect(mainConfig).toMatch(/location \/ \{[^}]*proxy_pass http:\/\/\$rosette_pool;/);
      const members = new RegExp(map![1]!);
      const cookies = { 'rosette_session=s%3Aabc': true, 'theme=dark; __Host-rosette_session=xyz': true, '__Host-rosette_session=1': true, 'theme=dark': false, 'xrosette_session=1': false, '': false };
      for (const [cookie, member] of Object.entries(cookies)) expect({ cookie, member: members.test(cookie) }).toEqual({ cookie, member });
    });

    it('answers 503 with Retry-After when no server can take a request: a page for browsers, the JSON error shape for the rest', () => {
      expect(mainConfig).toMatch(/error_page 502 504 = \$rosette_unavailable;/);
      const map = /map \$http_accept \$rosette_unavailable \{\s*"~\*text\/html" (@\w+);\s*default (@\w+);\s*\}/.exec(mainConfig);
      expect(map?.slice(1)).toEqual(['@unavailable_page', '@unavailable']);
      /** A named location's body: up to the brace that closes it on a line of its own. */
      const location = (name: string) => new RegExp(`location ${name} \\{([\\s\\S]*?)\\n\\s*\\}\\n`).exec(mainConfig)?.[1] ?? '';
      expect(location('@unavailable_page')).toMatch(/default_type text\/html;[\s\S]*Retry-After 5[\s\S]*return 503 '<!doctype html>/);
      const json = /return 503 '(\{.*\})\\n';/.exec(location('@unavailable'))?.[1];
      expect(location('@unavailable')).toMatch(/default_type application\/json;[\s\S]*Retry-After 5/);
      expect(JSON.parse(json!)).toEqual({ error: { code: 'unavailable', message: expect.any(String), fields: [] } });
    });

    it('passes a request id the servers log', () => {
      expect(config).toMatch(/proxy_set_header\s+X-Request-Id\s+\$request_id;/);
    });

    it('never exposes /metrics', () => {
      expect(config).toMatch(/location = \/metrics \{\s*return 404;/);
    });

    it('is the only service with a published port', () => {
      expect(services.filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name)).toEqual([proxyName]);
    });
  });

  it('puts servers and workers on one volume of files', () => {
    const mounts = [...serverServices, ...workerServices].map(([, s]) => (s.volumes ?? []).find((v) => v.endsWith(':/var/lib/rosette/files')));
    expect(new Set(mounts)).toEqual(new Set(['files:/var/lib/rosette/files']));
    for (const [, s] of [...serverServices, ...workerServices]) expect(s.environment?.FILES_DIR).toBe('/var/lib/rosette/files');
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runStage = stages.at(-1)!;

  it('builds in one stage and runs from another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runStage).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(runStage).not.toMatch(/npm (ci|install)/);
  });

  it('runs the server with its runtime flags', () => {
    expect(JSON.parse(/^CMD (.+)$/m.exec(runStage)![1]!)).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/server/main.js']);
  });

  it('runs as an unprivileged user', () => {
    const user = /^USER (\S+)/m.exec(runStage)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('ships the built client (dist/client) and the sample photo', () => {
    expect(fs.readFileSync(path.join(root, 'client', 'vite.config.ts'), 'utf8')).toMatch(/outDir: '\.\.\/dist\/client'/);
    expect(runStage).toMatch(/COPY --from=build \/app\/server\/assets\/sample-photo\.jpg/);
  });

  it('copies only files that exist', () => {
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const source of m[1]!.split(/\s+/)) if (source !== '.') expect(exists(source)).toBe(true);
    }
    for (const m of dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) /gm)) {
      const source = m[1]!;
      if (!source.startsWith('dist') && source !== 'node_modules') expect(exists(source)).toBe(true);
    }
  });
});
