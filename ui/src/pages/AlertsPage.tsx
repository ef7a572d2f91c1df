// "/alerts" — alerts newest first, filtered by minimum severity (kept in the URL), each with an Acknowledge button.
import { useState } from 'react';
import { useApp } from '../app/context.js';
import { ApiError } from '../data/api-client.js';
import { isSeverityName, SEVERITY_NAMES, severityLevelOf, type SeverityName } from '../data/severity.js';
import { usePublisher } from '../data/use-store.js';
import type { Alert, Endpoint } from '../data/types.js';
import { formatDateTime, formatTime, hostPort } from '../format.js';
import { navigate, useSearchParams } from '../router/history.js';

const MAX_ROWS = 500;

export function AlertsPage() {
  const { api, live } = useApp();
  usePublisher(live.alerts.publisher);
  const params = useSearchParams();
  const sevParam = params.get('severity') ?? '';
  const minimum: SeverityName | undefined = isSeverityName(sevParam) ? sevParam : undefined;
  const hideAcked = params.get('acknowledged') === 'hide';
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | undefined>(undefined);

  const all = live.alerts.snapshot();
  const rows = all.filter((a) => (minimum === undefined || a.severity >= severityLevelOf(minimum)) &&
    (!hideAcked || !a.acknowledged));

  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v === '') next.delete(k);
    else next.set(k, v);
    const s = next.toString();
    navigate(`/alerts${s === '' ? '' : `?${s}`}`, { replace: true });
  };

  const acknowledge = async (alert: Alert) => {
    setBusy((b) => new Set(b).add(alert.id));
    setError(undefined);
    try {
      const updated = await api.acknowledge(alert.id);
      live.alerts.update(updated ?? { ...alert, acknowledged: true });
    } catch (err) {
      setError(`Could not acknowledge “${alert.title}”: ${err instanceof ApiError ? err.message : String(err)}`);
    } finally {
      setBusy((b) => {
        const n = new Set(b);
        n.delete(alert.id);
        return n;
      });
    }
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>Alerts</h1>
        <p className="muted">
          {all.filter((a) => !a.acknowledged).length}
          {' '}
          not acknowledged ·
          {' '}
          {all.length}
          {' '}
          held
        </p>
      </header>
      <div className="toolbar">
        <label className="field">
          <span className="field-label">Severity</span>
          <select value={minimum ?? ''} onChange={(ev) => setParam('severity', ev.target.value)}>
            <option value="">all</option>
            {[...SEVERITY_NAMES].reverse().map((s) => (
              <option key={s} value={s}>{s === 'critical' ? 'critical only' : `${s} and above`}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={hideAcked} onChange={(ev) => setParam('acknowledged', ev.target.checked ? 'hide' : '')} />
          Hide acknowledged
        </label>
      </div>
      {error !== undefined && <p className="notice notice-error" role="alert">{error}</p>}
      {rows.length === 0 ? <p className="empty">{all.length === 0 ? 'No alerts. Quiet network.' : 'No alert matches.'}</p> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Alerts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Severity</th>
                <th scope="col">Alert</th>
                <th scope="col">Source</th>
                <th scope="col">Destination</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MAX_ROWS).map((a) => (
                <tr key={a.id} className={a.acknowledged ? 'row-muted' : undefined}>
                  <td><time dateTime={a.time} title={formatDateTime(a.time)}>{formatTime(a.time)}</time></td>
                  <td><span className={`badge badge-${a.severityName}`}>{a.severityName}</span></td>
                  <td>
                    {a.title}
                    {a.rule !== undefined && <span className="muted small block">{a.rule}</span>}
                  </td>
                  <td><Place ep={a.src} /></td>
                  <td><Place ep={a.dst} /></td>
                  <td>
                    {a.acknowledged ? 'acknowledged' : (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy.has(a.id)}
                        onClick={() => void acknowledge(a)}
                        aria-label={`Acknowledge ${a.title}`}
                      >
                        {busy.has(a.id) ? 'Acknowledging…' : 'Acknowledge'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Place({ ep }: { ep: Endpoint | undefined }) {
  if (ep === undefined) return <span className="muted">–</span>;
  return (
    <span className="endpoint">
      <span className="mono">{hostPort(ep)}</span>
      {ep.geo?.country !== undefined && <span className="endpoint-geo">{ep.geo.country}</span>}
    </span>
  );
}
