// Names a route for the request metrics: labels come from this fixed set, never from the URL.
import type { NextFunction, Request, Response } from 'express';

export function named(route: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.locals.route = route;
    next();
  };
}
