// Headers on every response: no MIME sniffing, no referrer, no framing, and a CSP that allows only this origin.
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error.js';

/**
 * CSP Level 3 for a Vite-built React app that loads nothing from other origins: scripts only
 * from here; inline styles allowed (React and three.js set style attributes); images from here,
 * data: and blob: (canvas snapshots, textures); fetch/EventSource back to this origin only;
 * web workers from here or blob:. No plugins, no <base> tricks, not framable, forms post here.
 */
export const CONTENT_SECURITY_POLICY = [
  'default-src \'self\'',
  'script-src \'self\'',
  'style-src \'self\' \'unsafe-inline\'',
  'img-src \'self\' data: blob:',
  'font-src \'self\' data:',
  'connect-src \'self\'',
  'worker-src \'self\' blob:',
  'object-src \'none\'',
  'base-uri \'self\'',
  'form-action \'self\'',
  'frame-ancestors \'none\'',
].join('; ');

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

/**
 * A request that changes something must be JSON. A cross-site HTML form can only send
 * urlencoded, multipart or text/plain bodies, and fetch() from another origin cannot set
 * application/json without a CORS preflight this server never approves: so besides the
 * SameSite=Strict cookie, another site cannot make a logged-in browser post here.
 */
export function requireJsonForMutations(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
    next();
    return;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    next(new ApiError('unsupported_media_type', `${req.method} requests need Content-Type: application/json`));
    return;
  }
  next();
}
