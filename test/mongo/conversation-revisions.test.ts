import { describe, expect, it } from 'vitest';
import type { ConversationDocument, HandoverStore } from '../../adapters/mongo/handover-store.js';
import { updateConversation } from '../../adapters/mongo/update-conversation.js';
import { appendCustomerTurn, createConversation, readTranscript } from '../../adapters/mongo/transcript.js';
import type { Message } from '../../src/types.js';
import { storedConversationFields } from '../support/stored-conversation.js';
import { twoReplicaStores } from '../support/two-replicas.js';
import { mongoConversations } from '../../adapters/mongo/mongo-conversations.js';

/** Two replicas' stores on one database. */
const replicas = twoReplicaStores();

let sequence = 0;
function customerMessage(conversationId: string, text: string): Message {
  sequence += 1;
  return { id: `msg-${sequence}`, conversationId, from: 'customer', text, at: new Date(), author: null };
}

async function startConversation(store: HandoverStore, id: string): Promise<void> {
  await createConversation(store, storedConversationFields(id, new Date()), [customerMessage(id, 'Hello')]);
}

/** A turn that records every version of the conversation it was asked to judge. */
function recordingTurn(store: HandoverStore, message: Message) {
  const seen: ConversationDocument[] = [];
  const appended = appendCustomerTurn(store, message, (before) => {
    seen.push(before);
    return { replies: [], update: null };
  });
  return { seen, appended };
}

async function transcriptTexts(conversationId: string): Promise<string[]> {
  const doc = await replicas.a().conversations.findById(conversationId).lean();
  return (await readTranscript(replicas.a(), doc!)).map((message) => message.text);
}

describe('customer turns judged from the conversation this replica last wrote', () => {
  it('judges a turn again from what another replica wrote in between, and never writes over its chunk', async () => {
    await startConversation(replicas.a(), 'cv-rev-1');
    await recordingTurn(replicas.b(), customerMessage('cv-rev-1', 'from replica B')).appended;

    const turn = recordingTurn(replicas.a(), customerMessage('cv-rev-1', 'from replica A'));
    await turn.appended;

    // first from its own copy (written on a revision that had moved on, so not written), then from the database
    expect(turn.seen.map((doc) => doc.lastCustomerText)).toEqual(['Hello', 'from replica B']);
    expect(await transcriptTexts('cv-rev-1')).toEqual(['Hello', 'from replica B', 'from replica A']);
    const stored = await replicas.a().conversations.findById('cv-rev-1').lean();
    expect(stored).toMatchObject({ chunkCount: 3, revision: 2, lastCustomerText: 'from replica A' });
  });

  it('sees a state change another replica made (the team took the conversation) before its next turn', async () => {
    await startConversation(replicas.a(), 'cv-rev-2');
    await recordingTurn(replicas.a(), customerMessage('cv-rev-2', 'first question')).appended;
    await updateConversation(replicas.b(), 'cv-rev-2', { $set: { status: 'assigned' } });

    const turn = recordingTurn(replicas.a(), customerMessage('cv-rev-2', 'second question'));
    await turn.appended;
    expect(turn.seen.at(-1)!.status).toBe('assigned');
    expect(await transcriptTexts('cv-rev-2')).toEqual(['Hello', 'first question', 'second question']);
  });

  it('writes each turn of a batch once when only some of the batch were still current', async () => {
    await startConversation(replicas.a(), 'cv-rev-stale');
    await startConversation(replicas.a(), 'cv-rev-current');
    await updateConversation(replicas.b(), 'cv-rev-stale', { $set: { status: 'waiting' } });

    // started in one tick, the two turns' writes share one update command, of which one matches
    const stale = recordingTurn(replicas.a(), customerMessage('cv-rev-stale', 'stale copy'));
    const current = recordingTurn(replicas.a(), customerMessage('cv-rev-current', 'current copy'));
    await Promise.all([stale.appended, current.appended]);

    expect(current.seen).toHaveLength(1);
    expect(stale.seen.map((doc) => doc.status)).toEqual(['bot', 'waiting']);
    expect(await transcriptTexts('cv-rev-current')).toEqual(['Hello', 'current copy']);
    expect(await transcriptTexts('cv-rev-stale')).toEqual(['Hello', 'stale copy']);
    expect(await replicas.a().conversations.findById('cv-rev-current').lean()).toMatchObject({ chunkCount: 2, revision: 1 });
    expect(await replicas.a().conversations.findById('cv-rev-stale').lean()).toMatchObject({ chunkCount: 2, revision: 2, status: 'waiting' });
  });

  it('judges a turn once, from a read just before it that found what another replica wrote', async () => {
    await startConversation(replicas.a(), 'cv-rev-read');
    await recordingTurn(replicas.b(), customerMessage('cv-rev-read', 'from replica B')).appended;
    // an AI assistant's turn reads the conversation before asking its model
    expect((await mongoConversations(replicas.a()).find('cv-rev-read'))?.lastCustomerText).toBe('from replica B');

    const turn = recordingTurn(replicas.a(), customerMessage('cv-rev-read', 'from replica A'));
    await turn.appended;
    expect(turn.seen.map((doc) => doc.lastCustomerText)).toEqual(['from replica B']);
    expect(await transcriptTexts('cv-rev-read')).toEqual(['Hello', 'from replica B', 'from replica A']);
  });
});
