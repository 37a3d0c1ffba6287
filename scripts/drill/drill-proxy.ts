import fs from 'node:fs';
import path from 'node:path';

/** Where nginx is looked for when it is not on the PATH (Debian installs it in /usr/sbin). */
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

/** The nginx binary on this machine, or null. */
export function findNginx(searchPath: string): string | null {
  const dirs = searchPath.split(path.delimiter).filter(Boolean);
  for (const candidate of [...dirs.map((d) => path.join(d, 'nginx')), ...NGINX_CANDIDATES]) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

export interface DrillProxyPlaces {
  /** Port nginx listens on, on 127.0.0.1. */
  port: number;
  /** The drill's server processes (`host:port`) for each upstream of deploy/nginx.conf, by its name. */
  upstreams: Record<string, string[]>;
  /** deploy/, for the files nginx.conf includes. */
  deployDir: string;
  /** A folder of the drill's own for nginx's pid and temporary files. */
  workDir: string;
  /** Where nginx's logs go. */
  logDir: string;
}

/**
 * deploy/nginx.conf as the drill runs it: the same upstreams (max_conns, keepalive), locations, timeouts
 * and error pages, with only what ties it to Docker changed. Each upstream's replicas become the drill's
 * servers (their main or priority ports, as `upstreams` says), with the first replica's options (less
 * `resolve`, which needs Docker's DNS); nginx listens on
 * a loopback port; pid, temporary files and logs go to the drill's folders (the access log buffered);
 * no `user` (a root master then runs its workers as nobody) and no resolver.
 */
export function drillNginxConfig(deployed: string, places: DrillProxyPlaces): string {
  const dir = (p: string) => p.split(path.sep).join('/');
  let config = deployed
    .replace(/^user\s+[^;]*;\n/m, '')
    .replace(/^pid\s+[^;]*;/m, `pid ${dir(path.join(places.workDir, 'nginx.pid'))};`)
    .replace(/^\s*resolver\s+[^;]*;\n/m, '')
    .replace(/^(\s*)listen\s+\d+\s*;/m, `$1listen 127.0.0.1:${places.port};`)
    .replaceAll('/etc/nginx/rosette/', `${dir(places.deployDir)}/`)
    .replace(/access_log\s+\/dev\/stdout\s+(\w+);/, `access_log ${dir(path.join(places.logDir, 'nginx-access.log'))} $1 buffer=64k flush=1s;`)
    .replaceAll('/dev/stderr', dir(path.join(places.logDir, 'nginx-error.log')))
    .replace(/^http\s*\{\n/m, (open) => `${open}  client_body_temp_path ${dir(path.join(places.workDir, 'body'))};\n  proxy_temp_path ${dir(path.join(places.workDir, 'proxy'))};\n`);
  config = config.replace(/^(\s*)upstream\s+(\w+)\s*\{([^}]*)\}/gm, (_block, indent: string, name: string, body: string) => {
    const replicas = [...body.matchAll(/^(\s*)server\s+\S+\s*([^;]*);\n/gm)];
    if (replicas.length === 0) throw new Error(`deploy/nginx.conf: upstream ${name} has no server lines`);
    const [first] = replicas;
    const options = first![2]!.split(/\s+/).filter((o) => o && o !== 'resolve').join(' ');
    const addresses = places.upstreams[name];
    if (!addresses) throw new Error(`deploy/nginx.conf: the drill has no servers for upstream ${name}`);
    const servers = addresses.map((s) => `${first![1]}server ${s}${options ? ` ${options}` : ''};\n`).join('');
    let rest = body;
    for (const r of replicas) rest = rest.replace(r[0], '');
    const at = body.indexOf(first![0]);
    return `${indent}upstream ${name} {${rest.slice(0, at)}${servers}${rest.slice(at)}}`;
  });
  if (!config.includes(`listen 127.0.0.1:${places.port};`)) throw new Error('deploy/nginx.conf: no `listen <port>;` line to move to the drill\'s port');
  return config;
}
