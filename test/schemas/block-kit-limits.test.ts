import { describe, expect, it } from 'vitest';
import { blockKitProblems } from './block-kit-limits.js';

describe('the Block Kit limits checker', () => {
  it('passes a view within the limits and names each limit a view breaks', () => {
    const fine = { type: 'modal', title: { type: 'plain_text', text: 'Handover settings' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] };
    expect(blockKitProblems({ view: fine })).toEqual([]);
    const option = (n: number, text = `o${n}`) => ({ text: { type: 'plain_text', text }, value: `v${n}` });
    const broken = {
      type: 'modal',
      title: { type: 'plain_text', text: 'A title longer than twenty-four' },
      private_metadata: 'x'.repeat(3001),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        { type: 'section', block_id: 'b'.repeat(256), text: { type: 'mrkdwn', text: 's'.repeat(3001) } },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'a'.repeat(256), text: { type: 'plain_text', text: 't'.repeat(76) } },
            { type: 'static_select', action_id: 'pick', options: Array.from({ length: 101 }, (_, n) => option(n)) },
            { type: 'checkboxes', action_id: 'boxes', options: [option(1, 'x'.repeat(76))] },
          ],
        },
        { type: 'input', block_id: 'in', label: { type: 'plain_text', text: 'In' }, element: { type: 'plain_text_input', action_id: 'in', initial_value: 'v'.repeat(3001) } },
        ...Array.from({ length: 97 }, () => ({ type: 'divider' })),
      ],
    };
    const problems = blockKitProblems({ view: broken }).join('\n');
    for (const limit of ['view blocks: 101 > 100', 'view title', 'private_metadata', 'header', 'block_id: 256', 'text: 3001 > 3000', 'action_id: 256', 'text: 76 > 75', 'options: 101 > 100', 'option text: 76 > 75', 'initial_value: 3001 > 3000', 'needs a submit']) {
      expect(problems).toContain(limit);
    }
    expect(blockKitProblems({ blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toEqual(['message blocks: 51 > 50']);
  });
});
