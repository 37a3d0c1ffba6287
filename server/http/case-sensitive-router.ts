import { Router } from 'express';

/**
 * A Router that matches paths case-sensitively, as the app does (`case sensitive routing`). Express's
 * Router() ignores case by default and does not inherit the app's setting, so `/S/<token>` reached
 * the share routes while the log masks, written for `/s/`, let the token through (issue 12). One
 * spelling per route means one spelling to mask; every router of the app is made here.
 */
export function caseSensitiveRouter(): Router {
  return Router({ caseSensitive: true });
}
