import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// The server's Prometheus metrics, in a registry of their own (never prom-client's global one, which any
// other library in the process could fill). Gauges that describe state are read when scraped, so the
// decision path pays only for one histogram observation.

export interface MetricsSources {
  /** Pending, unexpired approval requests (read from the store at scrape time). */
  pendingApprovals: () => Promise<number>;
  /** Webhook deliveries waiting or in flight (0 without webhooks). */
  webhookQueueDepth: () => number;
}

/** Bounded label values: what is not one of these is counted as `other`. */
const KINDS = new Set(['shell', 'plan', 'file-write', 'mcp-call']);
/** The server's reply outcomes (a pending approval included), and `error` for a refused or failed call. */
const OUTCOMES = new Set(['allow', 'ask', 'pending', 'deny', 'error']);

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly decisions: Histogram<'kind' | 'outcome'>;
  private readonly breakerTrips: Counter;
  private sources: MetricsSources = { pendingApprovals: async () => 0, webhookQueueDepth: () => 0 };

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.decisions = new Histogram({
      name: 'interlock_decision_duration_seconds',
      help: 'Time to answer POST /v1/decisions (read, assess, decide, record), by kind of action and outcome.',
      labelNames: ['kind', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.breakerTrips = new Counter({
      name: 'interlock_breaker_trips_total',
      help: 'Agents frozen by the circuit breaker (too many destructive actions in the window).',
      registers,
    });
    const sources = () => this.sources;
    new Gauge({
      name: 'interlock_pending_approvals',
      help: 'Approval requests waiting for a human.',
      registers,
      async collect() {
        this.set(await sources().pendingApprovals());
      },
    });
    new Gauge({
      name: 'interlock_webhook_queue_depth',
      help: 'Webhook deliveries queued, in flight or waiting to retry.',
      registers,
      collect() {
        this.set(sources().webhookQueueDepth());
      },
    });
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'interlock_' });
  }

  /** Where the scrape-time gauges read from (the server sets this once its parts exist). */
  readFrom(sources: MetricsSources): void {
    this.sources = sources;
  }

  observeDecision(kind: string, outcome: string, seconds: number): void {
    this.decisions.observe(
      { kind: KINDS.has(kind) ? kind : 'other', outcome: OUTCOMES.has(outcome) ? outcome : 'other' },
      seconds,
    );
  }

  breakerTripped(): void {
    this.breakerTrips.inc();
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ text: string; contentType: string }> {
    return { text: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
