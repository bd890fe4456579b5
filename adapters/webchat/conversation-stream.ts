import type { Request, Response } from 'express';
import type { HandoverContext } from '../../src/handover-context.js';
import type { ConversationEvent } from '../../src/ports/conversation-events.js';
import { readTranscript } from '../../src/storage/transcript.js';
import type { Conversation } from '../../src/types.js';

const KEEPALIVE_MS = 25_000;

/**
 * Server-Sent Events for one conversation: `message` for each new bot, agent
 * or system message, `status` on status changes. Message ids sort in time
 * order, so a reconnecting client (Last-Event-ID) gets what it missed.
 */
export async function streamConversation(ctx: HandoverContext, conversation: Conversation, req: Request, res: Response, stopping: AbortSignal) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 3000\n\n');

  const send = (event: ConversationEvent) => {
    if (event.type === 'message') {
      if (event.message.from === 'customer') return;
      res.write(`id: ${event.message.id}\nevent: message\ndata: ${JSON.stringify(event.message)}\n\n`);
    } else {
      const { status, paused, assignee } = event;
      res.write(`event: status\ndata: ${JSON.stringify({ status, paused, assignee })}\n\n`);
    }
  };
  const unsubscribe = ctx.events.subscribe(conversation.id, send);
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  // On shutdown the stream ends; the browser reconnects (retry: 3000), to another replica behind the load balancer.
  const end = () => res.end();
  stopping.addEventListener('abort', end, { once: true });
  req.on('close', () => {
    clearInterval(keepalive);
    unsubscribe();
    stopping.removeEventListener('abort', end);
  });

  const lastEventId = req.get('last-event-id');
  if (lastEventId && /^msg_[\w-]{1,60}$/.test(lastEventId)) {
    const doc = await ctx.store.conversations.findById(conversation.id).lean();
    const missed = doc ? (await readTranscript(ctx.store, doc)).filter((message) => message.id > lastEventId) : [];
    for (const message of missed) send({ type: 'message', message });
  }
  send({ type: 'status', status: conversation.status, paused: conversation.paused, assignee: conversation.assignee });
}
