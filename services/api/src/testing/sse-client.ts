// A small Server-Sent Events client for tests: a real HTTP connection, events parsed as the HTML spec frames them.
import { type ClientRequest, get, type IncomingMessage } from 'node:http';

export interface SseMessage {
  readonly event: string;
  readonly data: string;
  readonly at: number;
}

export interface SseClient {
  readonly messages: SseMessage[];
  readonly comments: string[];
  readonly response: IncomingMessage;
  readonly request: ClientRequest;
  /** Resolves when the server ends or drops the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens the stream; resolves once the response headers arrived. */
export function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) messages.push({ event, data: data.join('\n'), at: Date.now() });
        }
      });
      const ended = new Promise<void>((done) => {
        response.on('end', done);
        response.on('close', done);
        response.on('error', () => done());
      });
      resolve({ messages, comments, response, request, ended, close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}
