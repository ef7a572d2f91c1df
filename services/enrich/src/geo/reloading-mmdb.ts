// A database that follows its file: reopened when the file changes, swapped in whole, the old one kept if the new fails.
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '@netwatch/kit';
import { describeError } from '@netwatch/kit/errors';
import { type FileVersion, fileVersion, type OpenedMmdb, openMmdb, sameVersion } from './mmdb-file.js';
import type { MmdbKind } from './mmdb-format.js';

export interface ReloadOptions {
  /** Watch the file; false reads it once. */
  readonly watch: boolean;
  /** Quiet time after the last change before reopening, so a file being written is read once, whole. */
  readonly debounceMs: number;
  /** Also check the file this often, for filesystems whose change events do not arrive (some bind mounts). */
  readonly pollMs?: number;
  readonly logger: Logger;
  /** Name in logs and metrics, e.g. `city` or `asn`. */
  readonly name: string;
}

/**
 * Holds the current database. `current` is replaced in one assignment after the new file opened
 * and passed the same checks as at start, so a lookup sees either the old or the new database,
 * never a half-read one. Watching the directory (not the file) follows replacement by rename,
 * which is how geoipupdate and most deploy tools write; a change to the directory only costs a stat.
 */
export class ReloadingMmdb {
  current: OpenedMmdb;
  reloads = 0;
  reloadFailures = 0;
  private readonly listeners = new Set<(db: OpenedMmdb) => void>();
  private watcher: FSWatcher | undefined;
  private poller: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** The file version that last failed to open: not retried until the file changes again. */
  private failed: FileVersion | undefined;
  private closed = false;

  private constructor(initial: OpenedMmdb, private readonly kind: MmdbKind, private readonly options: ReloadOptions) {
    this.current = initial;
    if (!options.watch) return;
    try {
      this.watcher = watch(dirname(initial.path), { persistent: false }, (_event, file) => {
        if (file === null || file === basename(initial.path) || !file.endsWith('.mmdb')) this.schedule();
      });
      this.watcher.on('error', (error) => {
        options.logger.warn({ database: options.name, err: describeError(error) }, 'GeoIP watch failed; polling only');
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch (error) {
      options.logger.warn({ database: options.name, err: describeError(error) }, 'cannot watch GeoIP database');
    }
    if (options.pollMs !== undefined && options.pollMs > 0) {
      this.poller = setInterval(() => this.schedule(), options.pollMs);
      this.poller.unref();
    }
  }

  /** Opens `path` (throws as openMmdb does) and starts following it. */
  static async open(path: string, kind: MmdbKind, label: string, options: ReloadOptions): Promise<ReloadingMmdb> {
    return new ReloadingMmdb(await openMmdb(path, kind, label), kind, options);
  }

  /** Called with each database swapped in. */
  onSwap(listener: (db: OpenedMmdb) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reopens now if the file changed; resolves when done. True when a new database was swapped in. */
  async check(): Promise<boolean> {
    const before = this.current;
    if (this.running) {
      this.again = true;
      await this.running;
      return this.current !== before;
    }
    this.running = this.reload();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    if (this.again) {
      this.again = false;
      return (await this.check()) || this.current !== before;
    }
    return this.current !== before;
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    clearInterval(this.poller);
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), this.options.debounceMs);
    this.timer.unref();
  }

  private async reload(): Promise<void> {
    const { path } = this.current;
    const { logger, name } = this.options;
    let version: FileVersion;
    try {
      version = await fileVersion(path);
    } catch {
      // Gone for now (mid-replace, or deleted): keep serving; the next event or poll looks again.
      return;
    }
    if (sameVersion(version, this.current.version)) return;
    if (this.failed !== undefined && sameVersion(version, this.failed)) return;
    try {
      const next = await openMmdb(path, this.kind, name);
      if (this.closed) return;
      this.current = next;
      this.reloads++;
      logger.info({ database: name, path, type: next.databaseType, build: next.buildEpoch }, 'GeoIP database reloaded');
      for (const listener of this.listeners) listener(next);
    } catch (error) {
      this.failed = version;
      this.reloadFailures++;
      logger.warn({ database: name, path, err: describeError(error) },
        'GeoIP database changed but cannot be opened; still serving the previous one');
    }
  }
}
