// "/overview" — the network at a glance: packet and bit rates over time, protocol mix, capture drops, counts.
import { useApp } from '../app/context.js';
import { LineChart } from '../components/LineChart.js';
import { ProtocolBars } from '../components/ProtocolBars.js';
import { usePublisher } from '../data/use-store.js';
import { formatCount, formatPercent, formatSI, timeAgo } from '../format.js';

export function OverviewPage() {
  const { live } = useApp();
  usePublisher(live.stats.publisher);
  usePublisher(live.devices.publisher);
  const stats = live.stats.latest;
  const points = live.stats.points();
  const capture = stats?.capture;
  const lost = capture === undefined ? 0 : capture.dropped + capture.ifDropped;
  return (
    <div className="page">
      <header className="page-head">
        <h1>Overview</h1>
        <p className="muted">{stats === undefined ? 'Waiting for the first figures…' : `Updated ${timeAgo(stats.time)}`}</p>
      </header>
      <section aria-label="Figures" className="cards">
        <Card label="Packets per second" value={formatSI(stats?.pps ?? 0, 'pkt/s')} />
        <Card label="Bits per second" value={formatSI(stats?.bps ?? 0, 'bit/s')} />
        <Card label="Active flows" value={formatCount(stats?.flows.active ?? 0)} />
        <Card label="Flows seen" value={formatCount(stats?.flows.total ?? 0)} />
        <Card label="Devices" value={formatCount(stats?.devices ?? live.devices.size)} />
        <Card
          label="Capture drops"
          value={formatCount(lost)}
          detail={capture === undefined ? undefined
            : `${formatPercent(lost, capture.received + lost)} of ${formatCount(capture.received + lost)} packets`}
          tone={lost > 0 ? 'warn' : undefined}
        />
      </section>
      <section aria-labelledby="rates-title" className="section">
        <h2 id="rates-title">Rates</h2>
        <div className="charts">
          <LineChart
            title="Packets per second"
            points={points.map((p) => ({ time: p.time, value: p.pps }))}
            format={(v) => formatSI(v, 'pkt/s')}
            tick={(v) => formatSI(v, '')}
            color="#a3e635"
          />
          <LineChart
            title="Bits per second"
            points={points.map((p) => ({ time: p.time, value: p.bps }))}
            format={(v) => formatSI(v, 'bit/s')}
            tick={(v) => formatSI(v, '')}
            color="#38bdf8"
          />
        </div>
      </section>
      <div className="two-col">
        <section aria-labelledby="mix-title" className="section">
          <h2 id="mix-title">Protocol mix (bytes)</h2>
          <ProtocolBars protocols={stats?.protocols ?? []} />
        </section>
        <section aria-labelledby="capture-title" className="section">
          <h2 id="capture-title">Capture</h2>
          <dl className="facts">
            <dt>Packets received</dt>
            <dd>{formatCount(capture?.received ?? 0)}</dd>
            <dt>Dropped by the kernel buffer</dt>
            <dd>{formatCount(capture?.dropped ?? 0)}</dd>
            <dt>Dropped by the interface</dt>
            <dd>{formatCount(capture?.ifDropped ?? 0)}</dd>
          </dl>
          <p className="muted small">
            Drops mean the sensor saw less than the wire carried: flows and detections may be incomplete.
          </p>
        </section>
      </div>
    </div>
  );
}

function Card({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: 'warn' }) {
  return (
    <div className={tone === 'warn' ? 'card card-warn' : 'card'}>
      <p className="card-label">{label}</p>
      <p className="card-value">{value}</p>
      {detail !== undefined && <p className="card-detail">{detail}</p>}
    </div>
  );
}
