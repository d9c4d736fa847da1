/**
 * The live connection: one WebSocket to `/api/live` on this origin. Live events
 * are durable rows on the server, so after any drop the client asks for what it
 * missed with `{type:"resume", since}` (the last event id it saw, kept in
 * sessionStorage so a reload does not lose its place).
 */
export interface LiveEvent {
  id: number;
  channel: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** A passing signal that is no row and never replayed (someone is typing). */
export interface LiveSignal {
  type: string;
  payload: Record<string, unknown>;
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'unauthorised' | 'stopped';

type ServerMessage =
  | { type: 'ready'; lastEventId?: number }
  | { type: 'resumed'; lastEventId?: number; reset?: boolean }
  | { type: 'event'; event: LiveEvent }
  | { type: 'signal'; signal: LiveSignal }
  | { type: 'pong' }
  | { type: 'subscribed'; channel: string; lastEventId?: number }
  | { type: 'unsubscribed' | 'subscribe_refused'; channel: string }
  | { type: 'error'; error?: { code?: string; message?: string } };

export interface LiveClientOptions {
  onEvent(event: LiveEvent): void;
  onSignal?(signal: LiveSignal): void;
  onStatus?(status: LiveStatus): void;
  /** The server refused or closed the socket because the session is gone (close code 4401). */
  onUnauthorised?(): void;
  /** Some of what happened while away is no longer kept (the tab slept past the server's keeping time): read everything afresh. */
  onReset?(): void;
  /** A followed thread or group is being heard (again) from now on: what came before was replayed, or is to be read afresh. */
  onFollowing?(channel: string, following: boolean): void;
  /** Defaults to `/api/live` on the page's origin. */
  url?: string;
}

/** A thread's or a group page's channel: its ids are tracked per channel, never as the member's last event id. */
const TOPIC_CHANNEL = /^(thread|group):/;
const LAST_EVENT_KEY = 'hearth.live.lastEventId';
// Close code the gateway uses for "sign in first" and "session ended".
const CLOSE_UNAUTHORISED = 4401;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;

export function readLastEventId(): number {
  try {
    const value = Number(sessionStorage.getItem(LAST_EVENT_KEY));
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

function rememberEventId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= readLastEventId()) return;
  try {
    sessionStorage.setItem(LAST_EVENT_KEY, String(id));
  } catch {
    // Storage can be unavailable (private modes); resuming from 0 is still correct, only longer.
  }
}

/** Full jitter: spreads reconnects so a restarted server is not hit by every client at once. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class LiveClient {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private readonly url: string;
  /**
   * Threads and group pages followed, each with the last event id seen on it
   * (undefined until the server says where "now" is). Kept apart from the
   * member's own channel's id: a thread's events are presented per reader on
   * the server and may arrive after a newer id on another channel.
   */
  private readonly topics = new Map<string, number | undefined>();
  private ready = false;

  constructor(private readonly options: LiveClientOptions) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.url = options.url ?? `${scheme}//${location.host}/api/live`;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  /** Follow a thread or a group page (`thread:<id>`, `group:<id>`): its events come through `onEvent`, resumed after any drop. */
  follow(channel: string): void {
    if (this.topics.has(channel)) return;
    this.topics.set(channel, undefined);
    if (this.ready) this.subscribe(channel);
  }

  unfollow(channel: string): void {
    if (!this.topics.delete(channel)) return;
    if (this.ready) this.socket?.send(JSON.stringify({ type: 'unsubscribe', channel }));
  }

  private subscribe(channel: string): void {
    const since = this.topics.get(channel);
    this.socket?.send(JSON.stringify(since === undefined ? { type: 'subscribe', channel } : { type: 'subscribe', channel, since }));
  }

  private seenOn(channel: string, id: number): void {
    if (!this.topics.has(channel)) return;
    this.topics.set(channel, Math.max(this.topics.get(channel) ?? 0, id));
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'done');
    this.setStatus('stopped');
  }

  /** Sends a passing signal (typing) when connected; dropped otherwise, as it means nothing later. */
  send(message: Record<string, unknown>): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private readonly reconnectNow = () => {
    if (this.stopped || this.socket) return;
    clearTimeout(this.retryTimer);
    this.connect();
  };

  private connect(): void {
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('message', (message) => {
      if (socket === this.socket) this.handle(message.data);
    });
    socket.addEventListener('close', (close) => {
      if (socket !== this.socket) return;
      this.socket = undefined;
      this.ready = false;
      if (this.stopped) return;
      if (close.code === CLOSE_UNAUTHORISED) {
        this.stopped = true;
        this.setStatus('unauthorised');
        this.options.onUnauthorised?.();
        return;
      }
      this.scheduleReconnect();
    });
  }

  private handle(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'ready': {
        // A tab that has seen nothing yet starts from now; one that has resumes where it left off.
        const since = readLastEventId() || (message.lastEventId ?? 0);
        this.socket?.send(JSON.stringify({ type: 'resume', since }));
        break;
      }
      case 'event':
        if (TOPIC_CHANNEL.test(message.event.channel)) this.seenOn(message.event.channel, message.event.id);
        else rememberEventId(message.event.id);
        this.options.onEvent(message.event);
        break;
      case 'signal':
        this.options.onSignal?.(message.signal);
        break;
      case 'resumed':
        if (typeof message.lastEventId === 'number') rememberEventId(message.lastEventId);
        if (message.reset) this.options.onReset?.();
        this.attempt = 0;
        // Threads and groups followed are asked for (again) from where each left off.
        if (!this.ready) for (const channel of this.topics.keys()) this.subscribe(channel);
        this.ready = true;
        this.setStatus('live');
        break;
      case 'subscribed':
        if (typeof message.lastEventId === 'number') this.seenOn(message.channel, message.lastEventId);
        if (this.topics.has(message.channel)) this.options.onFollowing?.(message.channel, true);
        break;
      case 'unsubscribed':
      case 'subscribe_refused':
        this.options.onFollowing?.(message.channel, false);
        break;
      default:
        break;
    }
  }

  private scheduleReconnect(): void {
    this.setStatus('reconnecting');
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) this.connect();
    }, delay);
  }

  private setStatus(status: LiveStatus): void {
    this.options.onStatus?.(status);
  }
}
