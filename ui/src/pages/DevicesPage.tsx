// "/devices" — every device seen: sortable table with a filter box; sort and filter live in the URL.
import { useMemo } from 'react';
import { useApp } from '../app/context.js';
import { SortHeader, type SortDir } from '../components/SortHeader.js';
import { usePublisher } from '../data/use-store.js';
import { formatDateTime, timeAgo } from '../format.js';
import { navigate, useSearchParams } from '../router/history.js';
import { Link } from '../router/Link.js';
import { DEVICE_COLUMNS, deviceName, matchesDevice, sortDevices, type DeviceColumn } from './device-table.js';

const LABELS: Record<DeviceColumn, string> = {
  name: 'Name', ips: 'Addresses', mac: 'MAC', vendor: 'Vendor', os: 'OS', lastSeen: 'Last seen',
};
const MAX_ROWS = 1000;

export function DevicesPage() {
  const { live } = useApp();
  usePublisher(live.devices.publisher);
  const params = useSearchParams();
  const query = params.get('q') ?? '';
  const sortParam = params.get('sort') as DeviceColumn | null;
  const sort: DeviceColumn = sortParam !== null && DEVICE_COLUMNS.includes(sortParam) ? sortParam : 'lastSeen';
  const dir: SortDir = params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc'
    : sort === 'lastSeen' ? 'desc' : 'asc';
  const all = live.devices.snapshot();
  const rows = useMemo(
    () => sortDevices(all.filter((d) => matchesDevice(d, query)), sort, dir),
    [all, query, sort, dir],
  );

  const setParams = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === '') next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    navigate(`/devices${s === '' ? '' : `?${s}`}`, { replace: true });
  };
  const onSort = (column: DeviceColumn) => {
    setParams({ sort: column, dir: column === sort && dir === 'asc' ? 'desc' : column === sort ? 'asc' : column === 'lastSeen' ? 'desc' : 'asc' });
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>Devices</h1>
        <p className="muted">
          {all.length}
          {' '}
          known ·
          {' '}
          {rows.length}
          {' '}
          shown
        </p>
      </header>
      <div className="toolbar">
        <label className="field">
          <span className="field-label">Filter</span>
          <input
            type="search"
            value={query}
            placeholder="name, address, MAC, vendor, OS"
            onChange={(ev) => setParams({ q: ev.target.value })}
          />
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{all.length === 0 ? 'No devices seen yet.' : 'No device matches the filter.'}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{`Devices, sorted by ${LABELS[sort]} (${dir}ending)`}</caption>
            <thead>
              <tr>
                {DEVICE_COLUMNS.map((c) => (
                  <SortHeader key={c} label={LABELS[c]} column={c} sort={sort} dir={dir} onSort={onSort} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MAX_ROWS).map((d) => {
                const href = `/devices/${encodeURIComponent(d.id)}`;
                return (
                  <tr
                    key={d.id}
                    className="row-link"
                    onClick={(ev) => {
                      if ((ev.target as HTMLElement).closest('a') === null) navigate(href);
                    }}
                  >
                    <td><Link href={href}>{deviceName(d)}</Link></td>
                    <td className="mono">{d.ips.join(', ')}</td>
                    <td className="mono">{d.mac ?? ''}</td>
                    <td>{d.vendor ?? ''}</td>
                    <td>{d.os ?? ''}</td>
                    <td><time dateTime={d.lastSeen} title={formatDateTime(d.lastSeen)}>{timeAgo(d.lastSeen)}</time></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > MAX_ROWS && (
            <p className="muted">
              {`Showing the first ${MAX_ROWS}; narrow the filter.`}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
