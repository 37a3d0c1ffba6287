/** Host names that mean this machine: the only hosts `npm start` starts a Redis or a PostgreSQL for. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/** Whether a service URL (redis://, postgres://) points at this machine. */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOSTS.includes(new URL(url).hostname);
}

/** A service URL without its password, to name in a message. */
export function urlForPeople(url: string): string {
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString().replace(/\/$/, '');
}
