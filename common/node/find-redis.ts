import fs from 'node:fs';
import path from 'node:path';
import { answersPing } from './local-redis';
import { localRedisPassword, REDIS_PASSWORD_FILE, withPassword } from './local-redis-password';

/** Host names that mean this machine. */
const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/**
 * The URL a Redis answers PING at for this configuration, within about a second: REDIS_URL as it is,
 * or, when REDIS_URL is local and carries no password, with the password of the Redis `npm start` runs
 * under DATA_DIR/redis (it keeps it in DATA_DIR/redis/password). Null when nothing answers either way.
 * The URL may carry a password: never print it.
 */
export async function answeringRedisUrl(config: { REDIS_URL: string; DATA_DIR: string }): Promise<string | null> {
  if (await answersPing(config.REDIS_URL)) return config.REDIS_URL;
  const url = new URL(config.REDIS_URL);
  const redisDir = path.resolve(config.DATA_DIR, 'redis');
  if (!LOCAL_HOSTS.includes(url.hostname) || url.password || !fs.existsSync(path.join(redisDir, REDIS_PASSWORD_FILE))) return null;
  const authenticated = withPassword(config.REDIS_URL, localRedisPassword(redisDir));
  return (await answersPing(authenticated)) ? authenticated : null;
}

/** REDIS_URL without its password, to name in a message. */
export function redisUrlForPeople(url: string): string {
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString().replace(/\/$/, '');
}
