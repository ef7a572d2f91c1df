// A table of flows (newest first): time, protocol, source → destination with names and locations, bytes.
import { type Flow, type Endpoint } from '../data/types.js';
import { formatBytes, formatCount, formatDateTime, formatTime, hostPort } from '../format.js';
import { protocolColor } from '../globe/protocol-colors.js';
import { Link } from '../router/Link.js';

export function FlowTable({ flows, caption, deviceHref }: {
  flows: readonly Flow[];
  caption: string;
  /** link internal addresses to their device page */
  deviceHref?: (ip: string) => string;
}) {
  if (flows.length === 0) return <p className="empty">No flows to show.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Start</th>
            <th scope="col">Protocol</th>
            <th scope="col">Source</th>
            <th scope="col">Destination</th>
            <th scope="col" className="num">Bytes</th>
            <th scope="col" className="num">Packets</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {flows.map((f) => (
            <tr key={f.id}>
              <td><time dateTime={f.start} title={formatDateTime(f.start)}>{formatTime(f.start)}</time></td>
              <td>
                <span
                  className="swatch swatch-dot"
                  style={{ background: protocolColor(f.protocol ?? f.transport) }}
                  aria-hidden="true"
                />
                {f.protocol ?? f.transport}
                {f.protocol !== undefined && (
                  <span className="muted">
                    {' '}
                    /
                    {f.transport}
                  </span>
                )}
              </td>
              <td><EndpointCell ep={f.src} deviceHref={deviceHref} /></td>
              <td><EndpointCell ep={f.dst} deviceHref={deviceHref} /></td>
              <td className="num" title={`${formatCount(f.srcBytes)} B sent by source, ${formatCount(f.dstBytes)} B by destination`}>
                {formatBytes(f.bytes)}
              </td>
              <td className="num">{formatCount(f.packets)}</td>
              <td>{f.final ? 'ended' : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EndpointCell({ ep, deviceHref }: { ep: Endpoint; deviceHref?: (ip: string) => string }) {
  const place = ep.geo === undefined ? '' : ep.geo.country ?? '';
  const text = hostPort(ep);
  return (
    <span className="endpoint">
      {ep.internal && deviceHref !== undefined
        ? <Link href={deviceHref(ep.ip)} className="mono">{text}</Link>
        : <span className="mono">{text}</span>}
      {ep.name !== undefined && <span className="endpoint-name">{ep.name}</span>}
      {(place !== '' || ep.as !== undefined) && (
        <span className="endpoint-geo">
          {[place, ep.as === undefined ? '' : `AS${ep.as.number} ${ep.as.organization}`].filter((s) => s !== '').join(' · ')}
        </span>
      )}
    </span>
  );
}
