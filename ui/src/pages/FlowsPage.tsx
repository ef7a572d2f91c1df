// "/flows" — live flows with filters (ip, port, protocol, country: the api's query parameters, kept in the URL).
// The api answers for stored flows; the same filter runs on the live ring; Pause freezes the table.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useApp } from '../app/context.js';
import { useDeviceHref } from '../app/use-device-href.js';
import { FlowTable } from '../components/FlowTable.js';
import { ApiError } from '../data/api-client.js';
import { usePublisher } from '../data/use-store.js';
import type { Flow } from '../data/types.js';
import { formatCount } from '../format.js';
import { navigate, useLocation } from '../router/history.js';
import { FILTER_FIELDS, filterQuery, matchesFlow, parseFlowFilter, type FlowFilter } from './flow-filter.js';

const MAX_ROWS = 200;
const LABELS: Record<keyof FlowFilter, { label: string; placeholder: string }> = {
  ip: { label: 'Address', placeholder: '192.0.2.10' },
  port: { label: 'Port', placeholder: '443' },
  protocol: { label: 'Protocol', placeholder: 'tls, dns, udp…' },
  country: { label: 'Country', placeholder: 'DE' },
};

export function FlowsPage() {
  const { api, live } = useApp();
  const deviceHref = useDeviceHref();
  usePublisher(live.flows.publisher);
  const { search } = useLocation();
  const { filter, errors } = useMemo(() => parseFlowFilter(new URLSearchParams(search)), [search]);
  const filterKey = filterQuery(filter);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [stored, setStored] = useState<Flow[]>([]);
  const [apiError, setApiError] = useState<string | undefined>(undefined);
  const [paused, setPaused] = useState<Flow[] | undefined>(undefined);

  // The form shows what the URL says (back/forward and links like /flows?ip=… included).
  useEffect(() => {
    const p = new URLSearchParams(search);
    setDraft(Object.fromEntries(FILTER_FIELDS.map((k) => [k, p.get(k) ?? ''])));
  }, [search]);

  useEffect(() => {
    let cancelled = false;
    setApiError(undefined);
    api.flows({ ...filter, limit: 500 })
      .then((flows) => !cancelled && setStored(flows))
      .catch((err: unknown) => {
        if (cancelled) return;
        setStored([]);
        setApiError(err instanceof ApiError ? `${err.message} (${err.code})` : String(err));
      });
    return () => {
      cancelled = true;
    };
  }, [api, filterKey]);

  const liveRows = live.flows.snapshot();
  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: Flow[] = [];
    for (const f of [...liveRows.filter((x) => matchesFlow(x, filter)), ...stored]) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push(f);
    }
    return out.sort((a, b) => Date.parse(b.start) - Date.parse(a.start)).slice(0, MAX_ROWS);
  }, [liveRows, stored, filterKey]);
  const shown = paused ?? rows;

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const k of FILTER_FIELDS) if ((draft[k] ?? '').trim() !== '') p.set(k, (draft[k] ?? '').trim());
    const s = p.toString();
    navigate(`/flows${s === '' ? '' : `?${s}`}`);
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>Flows</h1>
        <p className="muted">
          {formatCount(live.flows.received)}
          {' '}
          received live
          {live.flows.droppedByServer > 0 && ` · ${formatCount(live.flows.droppedByServer)} not sent by the api (rate bound)`}
        </p>
      </header>
      <form className="toolbar" onSubmit={submit} aria-label="Filter flows">
        {FILTER_FIELDS.map((k) => (
          <label key={k} className="field">
            <span className="field-label">{LABELS[k].label}</span>
            <input
              name={k}
              value={draft[k] ?? ''}
              placeholder={LABELS[k].placeholder}
              inputMode={k === 'port' ? 'numeric' : undefined}
              aria-invalid={errors[k] !== undefined}
              aria-describedby={errors[k] !== undefined ? `err-${k}` : undefined}
              onChange={(ev) => setDraft({ ...draft, [k]: ev.target.value })}
            />
            {errors[k] !== undefined && (
              <span id={`err-${k}`} className="field-error">
                {`Expected ${errors[k]}`}
              </span>
            )}
          </label>
        ))}
        <button type="submit" className="button">Apply</button>
        {filterKey !== '' && <button type="button" className="button button-quiet" onClick={() => navigate('/flows')}>Clear</button>}
        <button
          type="button"
          className="button"
          aria-pressed={paused !== undefined}
          onClick={() => setPaused(paused === undefined ? rows : undefined)}
        >
          {paused === undefined ? 'Pause' : 'Resume'}
        </button>
      </form>
      {apiError !== undefined && (
        <p className="notice notice-error" role="alert">
          {`Stored flows unavailable: ${apiError}`}
        </p>
      )}
      <p className="muted" role="status">
        {paused !== undefined
          ? `Paused: ${shown.length} flow${shown.length === 1 ? '' : 's'} held`
          : `${shown.length} flow${shown.length === 1 ? '' : 's'} (newest ${MAX_ROWS} at most)`}
      </p>
      <FlowTable flows={shown} caption="Flows, newest first" deviceHref={deviceHref} />
    </div>
  );
}
