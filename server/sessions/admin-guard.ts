import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error';
import { authOf } from './request-auth';

/** Lets only admins through (403 otherwise); goes behind the signedIn guard. */
export const adminOnly: RequestHandler = (_req, res, next) => {
  if (authOf(res).account.role !== 'admin') throw new AppError(403, 'admin_only', 'only an admin can do this');
  next();
};
