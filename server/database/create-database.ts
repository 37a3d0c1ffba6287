import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { asDatabaseError } from './database-unavailable-error';
import type { Database } from './schema';

export interface DatabaseOptions {
  url: string;
  /** Connections at most. */
  poolSize: number;
  /** Longest a query waits for a connection (opening one, or a free one of the pool), milliseconds. */
  connectTimeoutMs: number;
  /** statement_timeout of every connection, and the client's own read bound (a little longer), milliseconds. */
  statementTimeoutMs: number;
  /** Called with each error of an idle connection (PostgreSQL went away under it): never thrown. */
  onIdleError?: (err: Error) => void;
}

/** Extra time the client waits past statement_timeout, so PostgreSQL's own cancel normally wins, milliseconds. */
const CLIENT_MARGIN_MS = 500;

/** Rosette's connection to PostgreSQL: Kysely over a bounded pg pool whose connection failures become DatabaseUnavailableError. */
export interface RosetteDatabase {
  db: Kysely<Database>;
  pool: pg.Pool;
  /** Ends every connection (at shutdown). */
  close(): Promise<void>;
}

/**
 * Opens (lazily: no connection until the first query) a bounded pool. A PostgreSQL that is down fails
 * a query within connectTimeoutMs (refused at once, or the wait for a connection times out); a frozen
 * one within statementTimeoutMs plus a margin. Those errors, and their kin, reach callers as
 * DatabaseUnavailableError, which the error middleware answers with 503 and Retry-After.
 */
export function createDatabase(options: DatabaseOptions): RosetteDatabase {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    query_timeout: options.statementTimeoutMs + CLIENT_MARGIN_MS,
    // A transaction left open by a crashed request must not hold its locks for ever.
    idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
    application_name: 'rosette',
    keepAlive: true,
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  // pg-pool listens for a connection's errors only while it is idle; one lent out (a query running, a
  // transaction open) that PostgreSQL drops emits 'error' with nobody listening, which would crash the
  // process. The query in flight fails by itself (DatabaseUnavailableError) and the pool drops the
  // connection when it comes back, so this listener needs to do nothing but be there.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: translatingPool(pool) }) });
  return { db, pool, close: () => db.destroy() };
}

/** The pool as Kysely asks for it, with "cannot reach the database" errors turned into DatabaseUnavailableError. */
function translatingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw asDatabaseError(err);
      }
      const wrapped: PostgresPoolClient = {
        query: ((sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
          return client.query(sqlOrCursor, parameters as unknown[]).catch((err: unknown) => {
            throw asDatabaseError(err);
          });
        }) as unknown as PostgresPoolClient['query'],
        // A connection that failed is thrown away rather than given to the next query.
        release: (destroy?: boolean) => client.release(destroy),
      };
      return wrapped;
    },
    end: () => pool.end(),
  };
}
