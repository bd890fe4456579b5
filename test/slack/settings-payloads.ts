import type { SlackCall } from './slack-stand-in.js';

/** Payloads shaped like Slack's for the settings modal: block_actions inside a view, and view_submission with state.values. */

type Json = Record<string, any>;
export type User = { id: string; name: string };

/** A view as Slack holds it once opened: our view plus its id, hash and place in the stack. */
export function openedView(call: SlackCall, id: string, stack: { root?: string; previous?: string } = {}): Json {
  return { ...call.args.view, id, hash: `${id}.hash`, team_id: 'T1', root_view_id: stack.root ?? id, previous_view_id: stack.previous ?? null, state: { values: {} } };
}

const envelope = (user: User) => ({
  team: { id: 'T1', domain: 'acme' },
  user: { id: user.id, username: user.name, name: user.name, team_id: 'T1' },
  api_app_id: 'A1',
  token: 'legacy',
  trigger_id: `trigger.${user.id}.${Math.random().toString(36).slice(2)}`,
});

/** A click on a button (or a change of checkboxes) in a modal. */
export function viewActionBody(view: Json, actionId: string, user: User, action: Json = {}) {
  const blockId = (view.blocks as Json[]).find((block) => (block.elements ?? (block.accessory ? [block.accessory] : [])).some((el: Json) => el.action_id === actionId && (action.value === undefined || el.value === action.value)))?.block_id ?? 'b';
  const payload = {
    type: 'block_actions',
    ...envelope(user),
    container: { type: 'view', view_id: view.id },
    view,
    actions: [{ type: 'button', action_id: actionId, block_id: blockId, action_ts: '1700000002.000200', ...action }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A click in App Home (a view of type home, no trigger of a modal of ours). */
export function homeActionBody(view: Json, actionId: string, user: User, action: Json = {}) {
  return viewActionBody({ ...view, id: view.id ?? 'VHOME' }, actionId, user, action);
}

/**
 * The state Slack sends when a form is submitted: every input block with its
 * initial value (what the person left as it was), then `changes` by block id.
 */
export function formState(view: Json, changes: Record<string, Json> = {}): Json {
  const values: Json = {};
  for (const block of view.blocks as Json[]) {
    if (block.type !== 'input') continue;
    const el = block.element;
    let state: Json;
    switch (el.type) {
      case 'checkboxes':
        state = { selected_options: el.initial_options ?? [] };
        break;
      case 'radio_buttons':
      case 'static_select':
        state = { selected_option: el.initial_option ?? null };
        break;
      case 'users_select':
        state = { selected_user: el.initial_user ?? null };
        break;
      case 'conversations_select':
        state = { selected_conversation: el.initial_conversation ?? null };
        break;
      default:
        state = { value: el.initial_value ?? null };
    }
    values[block.block_id] = { [el.action_id]: { type: el.type, ...state, ...changes[block.block_id] } };
  }
  return values;
}

/** Options chosen by value, as Slack sends them back (the option objects the view offered). */
export function chosen(view: Json, blockId: string, ...values: string[]): Json[] {
  const block = (view.blocks as Json[]).find((b) => b.block_id === blockId)!;
  return values.map((value) => (block.element.options as Json[]).find((option) => option.value === value)!);
}

export function viewSubmissionBody(view: Json, values: Json, user: User) {
  const payload = { type: 'view_submission', ...envelope(user), view: { ...view, state: { values } } };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
