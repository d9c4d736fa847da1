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
  | { type: 'resumed'; lastEventId?: number }
  | { type: 'event'; event: LiveEvent }
  | { type: 'signal'; signal: LiveSignal }
  | { type: 'pong' }
  | { type: 'error'; error?: { code?: string; message?: string } };

export interface LiveClientOptions {
  onEvent(event: LiveEvent): void;
  onSignal?(signal: LiveSignal): void;
  onStatus?(status: LiveStatus): void;
  /** The server refused or closed the socket because the session is gone (close code 4401). */
  onUnauthorised?(): void;
  /** Defaults to `/api/live` on the page's origin. */
  url?: string;
}

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
        rememberEventId(message.event.id);
        this.options.onEvent(message.event);
        break;
      case 'signal':
        this.options.onSignal?.(message.signal);
        break;
      case 'resumed':
        if (typeof message.lastEventId === 'number') rememberEventId(message.lastEventId);
        this.attempt = 0;
        this.setStatus('live');
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
