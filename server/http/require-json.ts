import type { RequestHandler } from 'express';
import { AppError } from './app-error';

/** Refuses a state-changing request whose body is not JSON, with a message saying what to send. */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
    if (!req.is('application/json')) {
      return next(new AppError(415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json', [{ path: 'body', message: 'must be JSON' }]));
    }
  }
  next();
};
