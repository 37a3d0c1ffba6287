import type { TestClient } from './test-client';

/** A JSON answer as the API tests read it: the status, and the body parsed (null when empty). */
export interface JsonAnswer {
  status: number;
  body: Record<string, any>;
}

/**
 * Calls the API as `client`: POST with `json` when given (GET otherwise), or `method`. The body is parsed
 * when the answer says it is JSON, kept as text otherwise, and null when there is none.
 */
export async function callJson(client: TestClient, path: string, json?: unknown, method?: string): Promise<JsonAnswer> {
  const res = await client.request(path, { json, ...(method && { method }) });
  const text = await res.text();
  return { status: res.status, body: (text ? (/json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text) : null) as Record<string, any> };
}
