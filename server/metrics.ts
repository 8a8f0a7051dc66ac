/**
 * The endpoint's counters, exposed at `GET /api/v1/metrics` in Prometheus text format
 * (SYNC-PROTOCOL.md v1.1, "Terminal status and metrics"). Hand-written rather than prom-client:
 * a dozen counters and gauges need no library, and the names below are the contract operators'
 * dashboards read (README, "Operating the endpoint").
 */

type Labels = Readonly<Record<string, string>>;

interface Family {
  help: string;
  type: 'counter' | 'gauge';
  /** Serialised label set → value. */
  values: Map<string, number>;
}

/** Escapes a label value as the text format requires (backslash, double quote, newline). */
function labelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '' : `{${keys.map((k) => `${k}="${labelValue(labels[k]!)}"`).join(',')}}`;
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

export const METRIC = {
  requests: 'larder_http_requests_total',
  requestSeconds: 'larder_http_request_duration_seconds_total',
  pushes: 'larder_pushes_total',
  rowsPushed: 'larder_rows_pushed_total',
  rowsPulled: 'larder_rows_pulled_total',
  conflicts: 'larder_conflicts_total',
  refusals: 'larder_refusals_total',
  openStreams: 'larder_open_streams',
  streamQueuedBytes: 'larder_stream_queued_bytes',
  databaseSeconds: 'larder_database_seconds_total',
  databaseOperations: 'larder_database_operations_total',
  databaseErrors: 'larder_database_errors_total',
  residentMemory: 'process_resident_memory_bytes',
} as const;

const FAMILIES: Record<(typeof METRIC)[keyof typeof METRIC], Omit<Family, 'values'>> = {
  [METRIC.requests]: { type: 'counter', help: 'Requests answered, by method, route and status.' },
  [METRIC.requestSeconds]: { type: 'counter', help: 'Seconds spent answering requests, by method and route.' },
  [METRIC.pushes]: { type: 'counter', help: 'Pushes stored (answered 200), by collection.' },
  [METRIC.rowsPushed]: { type: 'counter', help: 'Rows received in stored pushes, by collection.' },
  [METRIC.rowsPulled]: { type: 'counter', help: 'Documents returned by pulls, by collection.' },
  [METRIC.conflicts]: { type: 'counter', help: 'Rows answered with a conflict, by collection.' },
  [METRIC.refusals]: { type: 'counter', help: 'Error answers, by the protocol reason ("error" field) and status.' },
  [METRIC.openStreams]: { type: 'gauge', help: 'Live streams (SSE) open in this process.' },
  [METRIC.streamQueuedBytes]: { type: 'gauge', help: 'Bytes queued in this process for stream clients, not yet sent.' },
  [METRIC.databaseSeconds]: { type: 'counter', help: 'Seconds spent in storage calls, by operation.' },
  [METRIC.databaseOperations]: { type: 'counter', help: 'Storage calls, by operation.' },
  [METRIC.databaseErrors]: { type: 'counter', help: 'Storage calls that failed, by operation.' },
  [METRIC.residentMemory]: { type: 'gauge', help: 'Resident set size of this endpoint process in bytes.' },
};

export type MetricName = keyof typeof FAMILIES;

/** Gauges are read when scraped, from whoever owns the figure (the stream hub, the process). */
export type GaugeReader = () => number;

export class Metrics {
  private readonly families = new Map<MetricName, Family>();
  private readonly gauges = new Map<MetricName, GaugeReader>();

  constructor() {
    for (const [name, family] of Object.entries(FAMILIES) as [MetricName, Omit<Family, 'values'>][])
      this.families.set(name, { ...family, values: new Map() });
    this.gauge(METRIC.residentMemory, () => process.memoryUsage.rss());
  }

  inc(name: MetricName, labels: Labels = {}, by = 1): void {
    const family = this.families.get(name)!;
    const key = labelText(labels);
    family.values.set(key, (family.values.get(key) ?? 0) + by);
  }

  gauge(name: MetricName, read: GaugeReader): void {
    this.gauges.set(name, read);
  }

  /** The text exposition format, version 0.0.4. */
  render(): string {
    const lines: string[] = [];
    for (const [name, family] of this.families) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      const read = this.gauges.get(name);
      if (read) lines.push(`${name} ${numberText(read())}`);
      for (const [labels, value] of family.values) lines.push(`${name}${labels} ${numberText(value)}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
