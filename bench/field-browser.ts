/**
 * Chromium for bench:field: headless, driven by playwright-core, with Chromium's own network
 * emulation (CDP `Network.emulateNetworkConditions`) on every page and every service worker, a
 * record of each request a page makes, and timing taken on the page's own clock.
 *
 * Chromium emulates per target: it delays each request by `latency` before its response headers
 * and paces the bytes at the given throughput, separately for each page and each service worker.
 * It does not model TCP/TLS handshakes or packet loss, and a service worker's background downloads
 * do not take bandwidth from the page as they would on one real radio link.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'playwright-core';

export interface NetworkProfile {
  downloadKbps: number;
  uploadKbps: number;
  rttMs: number;
}

interface Conditions {
  offline: boolean;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

function toConditions(profile: NetworkProfile, offline: boolean): Conditions {
  return {
    offline,
    latency: profile.rttMs,
    downloadThroughput: (profile.downloadKbps * 1000) / 8,
    uploadThroughput: (profile.uploadKbps * 1000) / 8,
  };
}

/** One request of a page, as the DevTools protocol reported it. */
export interface RequestRecord {
  url: string;
  method: string;
  type: string;
  startedAt: number; // protocol clock, s
  finishedAt?: number;
  status?: number;
  /** bytes on the wire (headers and body, compressed as sent); 0 when served locally */
  transferBytes?: number;
  /** a conditional request answered 304 Not Modified (the body came from the HTTP cache) */
  revalidated?: boolean;
  /** body size after decoding */
  bodyBytes?: number;
  encoding?: string;
  source: 'network' | 'service worker' | 'memory cache' | 'disk cache';
  failed?: string;
}

/** Requests of one page (or one service worker): in flight, finished, and marks to slice them. */
export class RequestLog {
  private readonly open = new Map<string, RequestRecord>();
  private lastChange = Date.now();

  /**
   * `records`: where to keep them; logs of one service worker attached to several pages share the
   * list and `seen` (request ids), so each request is kept once.
   */
  constructor(
    session: ProtocolEvents,
    readonly records: RequestRecord[] = [],
    private readonly seen = new Set<string>(),
  ) {
    const on = (event: string, handler: (params: never) => void) =>
      session.on(event, handler as (params: unknown) => void);
    on(
      'Network.requestWillBeSent',
      (p: {
        requestId: string;
        request: { url: string; method: string };
        type?: string;
        timestamp: number;
        redirectResponse?: unknown;
      }) => {
        if (/^(data|blob):/.test(p.request.url)) return;
        if (p.redirectResponse && this.open.has(p.requestId)) return; // the same request, redirected
        if (this.seen.has(p.requestId)) return;
        this.seen.add(p.requestId);
        const record: RequestRecord = {
          url: p.request.url,
          method: p.request.method,
          type: p.type ?? 'Other',
          startedAt: p.timestamp,
          source: 'network',
        };
        this.records.push(record);
        this.open.set(p.requestId, record);
        this.lastChange = Date.now();
      },
    );
    on('Network.requestServedFromCache', (p: { requestId: string }) => {
      const record = this.open.get(p.requestId);
      if (record) record.source = 'memory cache';
    });
    on(
      'Network.responseReceived',
      (p: {
        requestId: string;
        response: {
          status: number;
          headers: Record<string, string>;
          fromDiskCache?: boolean;
          fromServiceWorker?: boolean;
        };
      }) => {
        const record = this.open.get(p.requestId);
        if (!record) return;
        record.status = p.response.status;
        const headers = Object.fromEntries(
          Object.entries(p.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
        );
        record.encoding = headers['content-encoding'];
        if (p.response.fromServiceWorker) record.source = 'service worker';
        else if (p.response.fromDiskCache) record.source = 'disk cache';
      },
    );
    on('Network.responseReceivedExtraInfo', (p: { requestId: string; statusCode: number }) => {
      const record = this.open.get(p.requestId);
      if (record && p.statusCode === 304) record.revalidated = true;
    });
    on('Network.dataReceived', (p: { requestId: string; dataLength: number }) => {
      const record = this.open.get(p.requestId);
      if (record) record.bodyBytes = (record.bodyBytes ?? 0) + p.dataLength;
    });
    on(
      'Network.loadingFinished',
      (p: { requestId: string; timestamp: number; encodedDataLength: number }) => {
        const record = this.open.get(p.requestId);
        if (!record) return;
        record.finishedAt = p.timestamp;
        record.transferBytes = record.source === 'network' ? p.encodedDataLength : 0;
        this.open.delete(p.requestId);
        this.lastChange = Date.now();
      },
    );
    on(
      'Network.loadingFailed',
      (p: { requestId: string; timestamp: number; errorText: string; canceled?: boolean }) => {
        const record = this.open.get(p.requestId);
        if (!record) return;
        record.finishedAt = p.timestamp;
        record.failed = p.canceled ? 'canceled' : p.errorText;
        this.open.delete(p.requestId);
        this.lastChange = Date.now();
      },
    );
  }

  /** Where the log stands now: `since(mark)` returns what came after. */
  mark(): number {
    return this.records.length;
  }

  since(mark: number): RequestRecord[] {
    return this.records.slice(mark);
  }

  get inFlight(): number {
    return this.open.size;
  }

  /** Waits until no request has been in flight for `quietMs`; false when `timeoutMs` passed. */
  async idle(quietMs = 1000, timeoutMs = 90_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.open.size === 0 && Date.now() - this.lastChange >= quietMs) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }
}

/** The event side of a protocol session (a page's CDPSession, or a worker attached by hand). */
interface ProtocolEvents {
  on(event: string, handler: (params: unknown) => void): unknown;
}

/**
 * A service worker (or other target) auto-attached to a page's session, not flattened: its
 * messages go through the page session (Target.sendMessageToTarget / receivedMessageFromTarget).
 */
class AttachedTarget implements ProtocolEvents {
  private readonly handlers = new Map<string, ((params: unknown) => void)[]>();
  private nextId = 1;

  constructor(
    private readonly pageSession: CDPSession,
    readonly sessionId: string,
  ) {}

  on(event: string, handler: (params: unknown) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  dispatch(message: { method?: string; params?: unknown }): void {
    if (!message.method) return;
    for (const handler of this.handlers.get(message.method) ?? []) handler(message.params);
  }

  async send(method: string, params: object = {}): Promise<void> {
    const message = JSON.stringify({ id: this.nextId++, method, params });
    await this.pageSession
      .send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message } as never)
      .catch(() => undefined); // the target may be gone meanwhile
  }
}

/** A page with the emulated network and the record of its requests. */
export interface FieldPage {
  page: Page;
  requests: RequestLog;
  /** uncaught errors of the page (first lines), e.g. a chunk that failed to load */
  errors: string[];
  /** Cuts the page's network (and its service worker's) or gives it back, at the profile. */
  setOffline(offline: boolean): Promise<void>;
}

/** Chromium with the weak-signal profile applied to each page and service worker it opens. */
export class FieldBrowser {
  /** Service workers attached to some page's session (each page attaches on its own). */
  private readonly workers = new Set<AttachedTarget>();
  /** Requests of each context's service workers (their precache downloads), each once. */
  private readonly workerLogs = new Map<
    BrowserContext,
    { records: RequestRecord[]; ids: Set<string> }
  >();
  private offline = false;
  private readonly pageSessions = new Set<CDPSession>();

  private constructor(
    readonly browser: Browser,
    readonly profile: NetworkProfile,
  ) {}

  static async launch(profile: NetworkProfile, executablePath: string): Promise<FieldBrowser> {
    const browser = await chromium.launch({
      executablePath,
      // bench:field stops the browser itself on a signal, after which it stops the API and
      // PostgreSQL (Playwright's own handlers would exit the process before that).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return new FieldBrowser(browser, profile);
  }

  private get conditions(): Conditions {
    return toConditions(this.profile, this.offline);
  }

  /**
   * Attaches the page's session to the service workers of its origin as they start (paused until
   * the emulation is set, so that even the first precache download is on the emulated network).
   */
  private async watchServiceWorkers(page: Page, session: CDPSession): Promise<void> {
    const attached = new Map<string, AttachedTarget>();
    page.once('close', () => {
      for (const target of attached.values()) this.workers.delete(target);
    });
    session.on(
      'Target.receivedMessageFromTarget' as never,
      ((event: { sessionId: string; message: string }) => {
        attached.get(event.sessionId)?.dispatch(JSON.parse(event.message));
      }) as never,
    );
    session.on(
      'Target.detachedFromTarget' as never,
      ((event: { sessionId: string }) => {
        const target = attached.get(event.sessionId);
        if (target) this.workers.delete(target);
        attached.delete(event.sessionId);
      }) as never,
    );
    session.on(
      'Target.attachedToTarget' as never,
      ((event: { sessionId: string; targetInfo: { type: string } }) => {
        const target = new AttachedTarget(session, event.sessionId);
        attached.set(event.sessionId, target);
        void (async () => {
          if (event.targetInfo.type === 'service_worker') {
            this.workers.add(target);
            const log = this.workerLog(page.context());
            new RequestLog(target, log.records, log.ids);
            await target.send('Network.enable');
            await target.send('Network.emulateNetworkConditions', this.conditions);
          }
          await target.send('Runtime.runIfWaitingForDebugger');
        })();
      }) as never,
    );
    await session.send(
      'Target.setAutoAttach' as never,
      { autoAttach: true, waitForDebuggerOnStart: true, flatten: false } as never,
    );
  }

  private workerLog(context: BrowserContext) {
    let log = this.workerLogs.get(context);
    if (!log) {
      log = { records: [], ids: new Set() };
      this.workerLogs.set(context, log);
    }
    return log;
  }

  /** The requests the service workers of a context made (e.g. the precache), each once. */
  workerRequests(context: BrowserContext): RequestRecord[] {
    return this.workerLog(context).records;
  }

  /** A new browser context: a phone that has never opened the app (empty cache, no worker). */
  newContext(geolocation: { latitude: number; longitude: number }): Promise<BrowserContext> {
    return this.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      geolocation: { ...geolocation, accuracy: 10 },
      permissions: ['geolocation'],
    });
  }

  /** A new page of the context, already on the emulated network (set before it loads anything). */
  async newPage(context: BrowserContext): Promise<FieldPage> {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const requests = new RequestLog(session as unknown as ProtocolEvents);
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', this.conditions);
    await this.watchServiceWorkers(page, session);
    this.pageSessions.add(session);
    page.once('close', () => this.pageSessions.delete(session));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message.split('\n')[0]));
    return {
      page,
      requests,
      errors,
      setOffline: (offline) => this.setOffline(offline),
    };
  }

  private async setOffline(offline: boolean): Promise<void> {
    this.offline = offline;
    const conditions = this.conditions;
    await Promise.all([
      ...[...this.pageSessions].map((s) =>
        s.send('Network.emulateNetworkConditions', conditions).catch(() => undefined),
      ),
      ...[...this.workers].map((w) => w.send('Network.emulateNetworkConditions', conditions)),
    ]);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
