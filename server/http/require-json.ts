import type { RequestHandler } from 'express';
import { AppError } from './app-error';

/** Refuses a state-changing request whose body is there but not JSON, with a message saying what to send. */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
    // An action such as POST .../disable needs no body; an empty one is not refused.
    const empty = req.get('content-length') === '0' || (req.get('content-length') === undefined && req.get('transfer-encoding') === undefined);
    if (!empty && !req.is('application/json')) {
      return next(new AppError(415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json', [{ path: 'body', message: 'must be JSON' }]));
    }
  }
  next();
};
