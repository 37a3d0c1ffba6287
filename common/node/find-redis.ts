import fs from 'node:fs';
import path from 'node:path';
import { answersPing } from './local-redis';
import { localRedisPassword, REDIS_PASSWORD_FILE, withPassword } from './local-redis-password';
import { isLoopbackUrl } from './service-url';

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
  if (!isLoopbackUrl(config.REDIS_URL) || url.password || !fs.existsSync(path.join(redisDir, REDIS_PASSWORD_FILE))) return null;
  const authenticated = withPassword(config.REDIS_URL, localRedisPassword(redisDir));
  return (await answersPing(authenticated)) ? authenticated : null;
}
