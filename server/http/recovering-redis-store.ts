import { RedisStore } from 'rate-limit-redis';

/**
 * rate-limit-redis loads its Lua scripts once, when the limiter is made; if Redis was away then (or
 * the connection was still being made), the stored promise stays rejected and every later request
 * fails, even after Redis is back. This store notices a failed load and loads again before the next
 * use, and after any failure, so the limiter recovers with Redis. No load's failure is ever left
 * unhandled.
 */
export class RecoveringRedisStore extends RedisStore {
  private incrementLoadFailed = false;
  private getLoadFailed = false;

  /** Starts loading the scripts; a failure (Redis not there yet) is not an error here: the first use loads again. */
  override async init(options: Parameters<RedisStore['init']>[0]): Promise<void> {
    await super.init(options).catch(() => undefined);
  }

  override loadIncrementScript(key?: string): Promise<string> {
    const loading = super.loadIncrementScript(key);
    this.incrementLoadFailed = false;
    loading.catch(() => {
      this.incrementLoadFailed = true;
    });
    return loading;
  }

  override loadGetScript(key?: string): Promise<string> {
    const loading = super.loadGetScript(key);
    this.getLoadFailed = false;
    loading.catch(() => {
      this.getLoadFailed = true;
    });
    return loading;
  }

  override async increment(key: string) {
    if (this.incrementLoadFailed) this.incrementScriptSha = this.loadIncrementScript();
    try {
      return await super.increment(key);
    } catch (err) {
      this.incrementScriptSha = this.loadIncrementScript();
      throw err;
    }
  }

  override async get(key: string) {
    if (this.getLoadFailed) this.getScriptSha = this.loadGetScript();
    try {
      return await super.get(key);
    } catch (err) {
      this.getScriptSha = this.loadGetScript();
      throw err;
    }
  }
}
