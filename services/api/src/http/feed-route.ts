// GET /api/v1/feed: opens a Server-Sent Events stream (WHATWG HTML §9.2) and hands it to the feed hub.
import type { Request, Response } from 'express';
import type { FeedHub } from '../feed/feed-hub.js';
import { ApiError } from './api-error.js';

export function feedRoute(hub: FeedHub) {
  return (req: Request, res: Response): void => {
    if (hub.clientCount >= hub.maxClients) throw new ApiError('too_many_clients', 'too many live feed clients');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      // Reverse proxies (nginx) must pass events through as they come, not buffer them.
      'X-Accel-Buffering': 'no',
    });
    req.socket.setNoDelay(true);
    // `retry` tells EventSource how long to wait before reconnecting after a drop.
    res.write('retry: 3000\n: connected\n\n');
    hub.add(res);
  };
}
