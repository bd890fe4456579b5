import { describe, expect, it } from 'vitest';
import { escalationBlocks } from '../../adapters/slack/escalation-blocks.js';
import { escalationCard } from '../../adapters/teams/escalation-card.js';
import type { EscalationView } from '../../src/handover/escalation-view.js';
import type { OutOfHours } from '../../src/types.js';
import { testBot } from '../support/test-bot.js';

const at = new Date('2026-12-05T11:00:00Z');
const view = (outOfHours: OutOfHours | null): EscalationView => ({
  bot: testBot([{ name: 'People', triggers: ['contact_request'] }]),
  conversation: { id: 'cv_hours00000000001', botId: 'b', status: 'waiting', paused: true, tags: [], assignee: null, customer: { name: 'Kim' }, failedTurns: 0, lastCustomerText: null, lastHandoverId: 'ho_1', createdAt: at, updatedAt: at },
  handover: { id: 'ho_1', conversationId: 'cv_hours00000000001', botId: 'b', trigger: 'contact_request', rule: 'People', reason: 'Asked for a person', taskId: null, at, outOfHours },
  task: null,
  transcript: [],
});

describe('an escalation that came out of hours says so', () => {
  const away = { backAt: new Date('2026-12-07T08:00:00Z'), back: 'Monday 9:00 (Berlin time)' };

  it('in the Teams card’s facts', () => {
    const facts = JSON.stringify(escalationCard(view(away)));
    expect(facts).toContain('Arrived out of hours — the customer was told the team is back Monday 9:00 (Berlin time)');
    expect(JSON.stringify(escalationCard(view(null)))).not.toContain('out of hours');
  });

  it('in the Slack post', () => {
    expect(JSON.stringify(escalationBlocks(view(away)))).toContain('Arrived out of hours');
    expect(JSON.stringify(escalationBlocks(view(null)))).not.toContain('out of hours');
  });
});
