// Serves the built UI: hashed assets cached for a year, index.html never cached, and the SPA fallback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';

/** Vite puts content-hashed files under /assets/: their name changes whenever their bytes do. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export const UI_NOT_BUILT = 'netwatch: the UI is not built. Build it with `npm run build -w @netwatch/ui`, ' +
  'then reload. The API is under /api/v1 (see /api/v1/openapi.json).\n';

/**
 * Files from `uiDir`; any other GET outside /api/ gets index.html (client-side routes such as
 * /devices/abc work on reload); a missing file under /assets/ is a real 404, so a stale page
 * never receives HTML where it asked for a script. Without a built UI, / explains how to build it.
 */
export function staticUi(uiDir: string | undefined): Router {
  const router = express.Router();
  if (uiDir !== undefined) {
    router.use(express.static(uiDir, {
      index: false,
      redirect: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path.slice(uiDir.length)) ? IMMUTABLE : 'no-cache');
      },
    }));
  }
  router.use((req: Request, res: Response) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/assets/')) {
      res.status(404).type('text/plain').send('not found\n');
      return;
    }
    const index = uiDir === undefined ? undefined : join(uiDir, 'index.html');
    if (index === undefined || !existsSync(index)) {
      res.status(req.path === '/' ? 200 : 404).set('Cache-Control', 'no-cache').type('text/plain').send(UI_NOT_BUILT);
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
