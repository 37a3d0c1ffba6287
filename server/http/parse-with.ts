import type { z } from 'zod';
import { AppError, zodFields } from './app-error';

/** Parses `value` with `schema` or throws a 400 AppError naming each bad field under `where`. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: ReadonlyArray<PropertyKey> = []): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw AppError.validation(zodFields(result.error, where));
  return result.data;
}
