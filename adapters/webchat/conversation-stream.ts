import type { Request, Response } from 'express';
import { HandoverError } from '../../src/errors.js';
import type { HandoverContext } from '../../src/handover-context.js';
import type { ConversationEvent } from '../../src/ports/conversation-events.js';
import { messagesSince } from '../../src/conversation/messages-since.js';
import { pendingSatisfaction } from '../../src/csat/ask-satisfaction.js';
import { queueStanding } from '../../src/queue/queue-standing.js';
import type { Conversation } from '../../src/types.js';
import { clientKey } from '../http/client-key.js';
import type { LiveStreams } from '../http/live-streams.js';

const KEEPALIVE_MS = 25_000;

/**
 * Server-Sent Events for one conversation: `message` for each new bot, agent
 * or system message, `status` on status changes, `queue` when a waiting
 * customer's place in the queue changes. Message ids sort in time
 * order, so a reconnecting client (Last-Event-ID) gets what it missed.
 */
export async function streamConversation(
  ctx: HandoverContext,
  conversation: Conversation,
  req: Request,
  res: Response,
  options: { stopping: AbortSignal; liveStreams: LiveStreams },
) {
  const { stopping, liveStreams } = options;
  // The token check awaited the database: a client that left meanwhile took its close event with it,
  // so a stream opened now would never be told to clean up.
  if (res.closed || res.destroyed || req.socket.destroyed) {
    liveStreams.clientGone();
    return;
  }
  const release = liveStreams.open(clientKey(req));
  if (!release) throw new HandoverError('rate_limited', `this client already has ${liveStreams.perClient} live streams open; close one first`);

  // From the check above to the close listener nothing awaits: the close event cannot slip in between.
  let open = true;
  // no write after the end: an event or keepalive racing the close would make the response emit an error
  const write = (chunk: string) => {
    if (open) res.write(chunk);
  };
  const send = (event: ConversationEvent) => {
    if (event.type === 'message') {
      if (event.message.from === 'customer') return;
      write(`id: ${event.message.id}\nevent: message\ndata: ${JSON.stringify(event.message)}\n\n`);
    } else if (event.type === 'queue') {
      write(`event: queue\ndata: ${JSON.stringify(event.queue)}\n\n`);
    } else {
      const { status, paused, assignee } = event;
      write(`event: status\ndata: ${JSON.stringify({ status, paused, assignee })}\n\n`);
      if (status === 'resolved') askIfPending();
    }
  };
  // "How did we do?" follows a resolve: read from what is stored, so a stream on any replica, or reconnected, asks too
  const askIfPending = () => {
    void pendingSatisfaction(ctx, conversation.id)
      .then((pending) => pending && write(`event: csat\ndata: ${JSON.stringify(pending)}\n\n`))
      .catch((error: unknown) => ctx.log.warn({ err: error, conversationId: conversation.id }, 'satisfaction question lookup failed'));
  };
  const unsubscribe = ctx.events.subscribe(conversation.id, send);
  const keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
  const cleanup = () => {
    if (!open) return;
    open = false;
    clearInterval(keepalive);
    unsubscribe();
    stopping.removeEventListener('abort', end);
    release();
  };
  const end = () => {
    cleanup();
    res.end();
  };
  res.on('close', cleanup);

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  write('retry: 3000\n\n');
  // On shutdown the stream ends; the browser reconnects (retry: 3000), to another replica behind the load balancer.
  if (stopping.aborted) return end();
  stopping.addEventListener('abort', end, { once: true });

  try {
    const lastEventId = req.get('last-event-id');
    if (lastEventId && /^msg_[\w-]{1,60}$/.test(lastEventId)) {
      const missed = await messagesSince(ctx, conversation.id, lastEventId);
      for (const message of missed) send({ type: 'message', message });
    }
    send({ type: 'status', status: conversation.status, paused: conversation.paused, assignee: conversation.assignee });
    const standing = await queueStanding(ctx, conversation);
    if (standing) send({ type: 'queue', queue: standing });
  } catch (error) {
    // the headers are out, so no error answer: end the stream and let the client reconnect and replay
    ctx.log.warn({ err: error, conversationId: conversation.id }, 'live stream replay failed');
    end();
  }
}
