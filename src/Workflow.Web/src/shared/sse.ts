// A parser of Server-Sent Events (the text/event-stream format of the HTML standard, "Parsing an
// event stream"), for streams read with fetch: EventSource cannot send the X-Api-Key header the
// API authenticates with.

/** One dispatched event: its type ("message" unless the stream named one), its data, and the last event id at that point. */
export interface ServerSentEvent {
  type: string;
  data: string;
  lastEventId: string;
}

/**
 * Feeds on decoded text in chunks of any size (a line, a field or a CRLF may be split between two)
 * and returns the events each chunk completed. A block with an id but no data dispatches nothing, yet moves
 * lastEventId on, as EventSource does: the feed sends such blocks for entries a filter left out.
 */
export class SseParser {
  /** The id to resume from (Last-Event-ID): the last one of a complete block. */
  lastEventId = '';
  /** The reconnection time the stream asked for (retry: milliseconds), if it did. */
  retry: number | undefined;

  private line = '';
  private afterCr = false;
  private type = '';
  private data: string[] = [];
  private idBuffer: string | null = null;
  private completed: ServerSentEvent[] = [];

  push(text: string): ServerSentEvent[] {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '\r' && c !== '\n') continue;
      // The LF of a CRLF whose CR ended the previous chunk (or line) ends nothing.
      if (c === '\n' && this.afterCr && i === start) {
        this.afterCr = false;
        start = i + 1;
        continue;
      }
      this.line += text.slice(start, i);
      this.processLine(this.line);
      this.line = '';
      this.afterCr = c === '\r';
      start = i + 1;
    }
    if (start < text.length) {
      this.line += text.slice(start);
      this.afterCr = false;
    }
    const events = this.completed;
    this.completed = [];
    return events;
  }

  private processLine(line: string): void {
    if (line === '') {
      this.dispatchEvent();
      return;
    }
    // A comment: the feed's heartbeats.
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
      // Unknown fields are ignored.
    }
  }

  private dispatchEvent(): void {
    if (this.idBuffer !== null) this.lastEventId = this.idBuffer;
    this.idBuffer = null;
    const type = this.type || 'message';
    const data = this.data;
    this.type = '';
    this.data = [];
    if (data.length === 0) return;
    this.completed.push({ type, data: data.join('\n'), lastEventId: this.lastEventId });
  }
}

/**
 * Reads a response body to its end through the parser, handing onEvents the events of each piece
 * read (a burst of entries arrives as one batch). Returns when the stream ends, throws when it breaks;
 * an abort cancels the read and returns.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  onEvents: (events: ServerSentEvent[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel);
  try {
    while (!signal?.aborted) {
      const { done, value } = await reader.read();
      const events = parser.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      if (events.length > 0) onEvents(events);
      if (done) return;
    }
  } catch (error) {
    if (!signal?.aborted) throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
