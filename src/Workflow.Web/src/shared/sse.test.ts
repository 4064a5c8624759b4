import { describe, expect, test } from 'vitest';
import { readEventStream, SseParser, type ServerSentEvent } from './sse';

/** Everything a parser dispatches for a text cut into the given pieces. */
function parse(pieces: string[]): { events: ServerSentEvent[]; parser: SseParser } {
  const parser = new SseParser();
  const events = pieces.flatMap((p) => parser.push(p));
  return { events, parser };
}

const feed = 'id: 7:1\nevent: entry\ndata: {"id":1}\n\n: heartbeat\n\nid: 7:3\n\nid: 7:4\nevent: entry\ndata: {"id":4}\n\n';

describe('the event-stream parser', () => {
  test('reads the feed: typed events with their ids, heartbeats and id-only blocks dispatch nothing', () => {
    const { events, parser } = parse([feed]);
    expect(events).toEqual([
      { type: 'entry', data: '{"id":1}', lastEventId: '7:1' },
      { type: 'entry', data: '{"id":4}', lastEventId: '7:4' },
    ]);
    expect(parser.lastEventId).toBe('7:4');
  });

  test('a block with only an id moves lastEventId on (entries a filter left out)', () => {
    const { events, parser } = parse(['id: 1:1\nevent: entry\ndata: x\n\nid: 1:9\n\n']);
    expect(events.map((e) => e.lastEventId)).toEqual(['1:1']);
    expect(parser.lastEventId).toBe('1:9');
  });

  test('any cut of the text gives the same events: one character at a time, CRLF split between chunks', () => {
    const whole = parse([feed]).events;
    expect(parse([...feed]).events).toEqual(whole);
    const crlf = feed.replaceAll('\n', '\r\n');
    expect(parse([...crlf]).events).toEqual(whole);
    expect(parse([crlf]).events).toEqual(whole);
    expect(parse([feed.replaceAll('\n', '\r')]).events).toEqual(whole);
    expect(parse([...feed.replaceAll('\n', '\r')]).events).toEqual(whole);
    // A CR at a chunk's end and its LF at the next one's start end one line, not two (which would dispatch early).
    expect(parse(['data: a\r', '\ndata: b\r', '\n\r', '\n']).events).toEqual([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  test('the field rules: data lines joined, one leading space taken, comments and unknown fields ignored, type reset', () => {
    const { events, parser } = parse([
      'data:no space\ndata:  two spaces\ndata\n: a comment\nunknown: x\n\n',
      'event: first\ndata: 1\n\ndata: 2\n\n',
      'retry: 2500\nretry: soon\nid: a\0b\ndata: 3\n\n',
      'data: never finished\n',
    ]);
    expect(events).toEqual([
      { type: 'message', data: 'no space\n two spaces\n', lastEventId: '' },
      { type: 'first', data: '1', lastEventId: '' },
      { type: 'message', data: '2', lastEventId: '' },
      { type: 'message', data: '3', lastEventId: '' },
    ]);
    expect(parser.retry).toBe(2500);
  });
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a response body', () => {
  test('a real stream cut inside a character: Chinese data arrives whole, each chunk’s events as one batch', async () => {
    const text = bytes('id: 1\nevent: entry\ndata: {"reason":"学习调研"}\n\nid: 2\nevent: entry\ndata: 二\n\n');
    const cut = text.indexOf(0xe5) + 1; // inside 学's three bytes
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(text.slice(0, cut));
        controller.enqueue(text.slice(cut));
        controller.close();
      },
    });
    const batches: string[][] = [];
    await readEventStream(body, new SseParser(), (events) => batches.push(events.map((e) => e.data)));
    expect(batches).toEqual([['{"reason":"学习调研"}', '二']]);
  });

  test('a broken stream throws; an aborted one returns and cancels the body', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('data: 1\n\n'));
        controller.error(new Error('connection reset'));
      },
    });
    await expect(readEventStream(broken, new SseParser(), () => undefined)).rejects.toThrow('connection reset');

    let cancelled = false;
    const open = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('data: 1\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const abort = new AbortController();
    const reading = readEventStream(open, new SseParser(), () => abort.abort(), abort.signal);
    await expect(reading).resolves.toBeUndefined();
    expect(cancelled).toBe(true);
  });
});
