import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from './app-error';
import { isRedisUnavailable } from './redis-unavailable';
import { DatabaseUnavailableError } from '../database/database-unavailable-error';

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; fields: Array<{ path: string; message: string }> };
}

/** Express's body parsers and other middleware signal client errors with these `type`s. */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'malformed_json', 'the request body is not valid JSON'],
  'entity.too.large': [413, 'body_too_large', 'the request body is too large'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'the request body has an unsupported encoding'],
  'charset.unsupported': [415, 'unsupported_charset', 'the request body has an unsupported charset'],
  'request.aborted': [400, 'request_aborted', 'the request was aborted'],
  'stream.encoding.set': [500, 'internal', 'the server could not read the request'],
};

/** Answers 404 for any route nobody handled. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `nothing is at ${req.method} ${req.path.slice(0, 200)}`));
};

/** The single error middleware: maps every error to a JSON answer; unexpected ones are logged, never shown. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    let error: AppError;
    if (err instanceof AppError) {
      error = err;
    } else if (isHttpError(err) && CLIENT_ERRORS[err.type]) {
      const [status, code, message] = CLIENT_ERRORS[err.type]!;
      error = new AppError(status, code, message);
    } else if (isHttpError(err) && err.status >= 400 && err.status < 500) {
      error = new AppError(err.status, 'bad_request', 'the request could not be read');
    } else if (err instanceof DatabaseUnavailableError) {
      // Nothing was changed: a store's writes are one statement or one transaction.
      logger.warn({ method: req.method, path: req.path, code: err.code }, 'database unavailable while handling a request');
      error = new AppError(503, 'database_unavailable', 'saving and reading records is unavailable for a moment; nothing was changed, please try again shortly', [], { 'Retry-After': '5' });
    } else if (isRedisUnavailable(err)) {
      logger.warn({ method: req.method, path: req.path }, 'redis unavailable while handling a request');
      error = new AppError(503, 'queue_unavailable', 'printing is unavailable for a moment; nothing you sent before was lost, please try again shortly', [], { 'Retry-After': '5' });
    } else {
      logger.error({ err, method: req.method, path: req.path }, 'unexpected error while handling a request');
      error = new AppError(500, 'internal', 'something went wrong on our side; your request was not lost if you were told it was accepted');
    }
    res.status(error.status).set(error.headers);
    const body: ErrorBody = { error: { code: error.code, message: error.message, fields: error.fields } };
    res.json(body);
  };
}

function isHttpError(err: unknown): err is { type: string; status: number } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number';
}
