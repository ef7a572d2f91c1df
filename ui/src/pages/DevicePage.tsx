// "/devices/:id" — one device: identities (MAC, addresses, names), vendor, OS, services, where it was learned,
// and its connections (GET /devices/:id/flows).
import { useEffect, useState } from 'react';
import { useApp } from '../app/context.js';
import { useDeviceHref } from '../app/use-device-href.js';
import { FlowTable } from '../components/FlowTable.js';
import { ApiError } from '../data/api-client.js';
import { usePublisher } from '../data/use-store.js';
import type { Device, Flow } from '../data/types.js';
import { formatCount, formatDateTime, timeAgo } from '../format.js';
import { Link } from '../router/Link.js';
import { type Params } from '../router/match.js';
import { deviceName } from './device-table.js';

type Load<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; status: number; message: string };

export function DevicePage({ params }: { params: Params }) {
  const id = params.id ?? '';
  const { api, live } = useApp();
  const deviceHref = useDeviceHref();
  usePublisher(live.devices.publisher);
  const [device, setDevice] = useState<Load<Device>>({ state: 'loading' });
  const [flows, setFlows] = useState<Load<Flow[]>>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setDevice({ state: 'loading' });
    setFlows({ state: 'loading' });
    const fail = (err: unknown): Load<never> => err instanceof ApiError
      ? { state: 'error', status: err.status, message: err.message }
      : { state: 'error', status: 0, message: String(err) };
    api.device(id).then(
      (d) => !cancelled && setDevice(d === undefined ? { state: 'error', status: 404, message: 'not found' } : { state: 'ok', value: d }),
      (err: unknown) => !cancelled && setDevice(fail(err)),
    );
    api.deviceFlows(id, 200).then(
      (f) => !cancelled && setFlows({ state: 'ok', value: f }),
      (err: unknown) => !cancelled && setFlows(fail(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [api, id]);

  // The feed may know a newer version of the device than the page's request.
  const fresh = live.devices.get(id);
  const d = fresh ?? (device.state === 'ok' ? device.value : undefined);

  if (d === undefined) {
    const failed = device.state === 'error' ? device : undefined;
    return (
      <div className="page">
        <p><Link href="/devices">← Devices</Link></p>
        {failed === undefined ? <p role="status">Loading device…</p> : (
          <>
            <h1>{failed.status === 404 ? 'Unknown device' : 'Device unavailable'}</h1>
            <p className="notice notice-error" role="alert">
              {failed.status === 404 ? `No device has the id “${id}”.` : failed.message}
            </p>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="page">
      <p><Link href="/devices">← Devices</Link></p>
      <header className="page-head">
        <h1>{deviceName(d)}</h1>
        <p className="muted">
          {[d.vendor, d.os].filter(Boolean).join(' · ') || 'vendor and OS unknown'}
          {' '}
          · last seen
          {' '}
          <time dateTime={d.lastSeen} title={formatDateTime(d.lastSeen)}>{timeAgo(d.lastSeen)}</time>
        </p>
      </header>
      <div className="two-col">
        <section aria-labelledby="id-title" className="section">
          <h2 id="id-title">Identity</h2>
          <dl className="facts">
            <dt>Hostname</dt>
            <dd>{d.hostname ?? '–'}</dd>
            <dt>MAC</dt>
            <dd className="mono">{d.mac ?? '–'}</dd>
            <dt>Addresses</dt>
            <dd className="mono">
              {d.ips.length === 0 ? '–' : d.ips.map((ip) => (
                <span key={ip} className="addr"><Link href={`/flows?ip=${encodeURIComponent(ip)}`}>{ip}</Link></span>
              ))}
            </dd>
            <dt>Vendor</dt>
            <dd>{d.vendor ?? '–'}</dd>
            <dt>Model</dt>
            <dd>{d.model ?? '–'}</dd>
            <dt>OS</dt>
            <dd>{d.os ?? '–'}</dd>
            <dt>First seen</dt>
            <dd>{formatDateTime(d.firstSeen)}</dd>
            <dt>Last seen</dt>
            <dd>{formatDateTime(d.lastSeen)}</dd>
            <dt>Flows</dt>
            <dd>{formatCount(d.flows)}</dd>
            <dt>Learned from</dt>
            <dd>{d.sources.length === 0 ? '–' : d.sources.join(', ')}</dd>
          </dl>
        </section>
        <section aria-labelledby="svc-title" className="section">
          <h2 id="svc-title">Services</h2>
          {d.services.length === 0 ? <p className="muted">No services announced or seen.</p> : (
            <ul className="chips">
              {d.services.map((s) => (
                <li key={`${s.name}/${s.transport ?? ''}/${s.port ?? ''}`} className="chip">
                  {s.name}
                  {s.port !== undefined && (
                    <span className="muted">
                      {' '}
                      {s.transport ?? ''}
                      /
                      {s.port}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="conn-title" className="section">
        <h2 id="conn-title">Connections</h2>
        {flows.state === 'loading' && <p role="status">Loading connections…</p>}
        {flows.state === 'error' && (
          <p className="notice notice-error" role="alert">
            {`Connections unavailable: ${flows.message}`}
          </p>
        )}
        {flows.state === 'ok' && (
          <FlowTable flows={flows.value} caption={`Connections of ${deviceName(d)}, newest first`} deviceHref={deviceHref} />
        )}
      </section>
    </div>
  );
}
