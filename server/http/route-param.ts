import type { Request } from 'express';

/** A named route parameter as a string ('' when absent): route handlers behind spread guard lists lose Express's param types. */
export function routeParam(req: Request, name: string): string {
  const value = (req.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
