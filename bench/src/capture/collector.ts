// A loopback UDP socket that takes softflowd's NetFlow export and throws it away, counting datagrams.
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';

export class DiscardCollector {
  datagrams = 0;
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', () => {
      this.datagrams++;
    });
  }

  /** Binds 127.0.0.1 on a free port: export never leaves the machine, and nothing answers with ICMP errors. */
  static async open(): Promise<DiscardCollector> {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    return new DiscardCollector(socket, socket.address().port);
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
