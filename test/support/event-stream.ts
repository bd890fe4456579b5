import { Agent, fetch } from 'undici';
import { expect } from 'vitest';

export interface StreamEvent {
  event: string;
  data: any;
}

/** Reads a conversation's Server-Sent Events into a list while the test runs. */
export async function openEventStream(url: string, conversationId: string, token: string) {
  const controller = new AbortController();
  // A client of its own, destroyed on close: the shared one opens a spare connection when a stream is aborted,
  // which holds the service's stop until that client gives the idle connection up.
  const client = new Agent();
  const response = await fetch(`${url}/api/v1/conversations/${conversationId}/stream?token=${token}`, {
    signal: controller.signal,
    dispatcher: client,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: StreamEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return {
    events,
    close: () => {
      controller.abort();
      return client.destroy();
    },
  };
}
