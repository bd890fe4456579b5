/**
 * Slack's Block Kit limits, checked on every view and message the tests see
 * Handover produce. Slack publishes no JSON schema for Block Kit (see
 * README.md), so the limits are written out here, each with the page of
 * Slack's reference that states it. Slack refuses a surface that breaks one
 * (`invalid_blocks`, `invalid_arguments`), so a view that breaks one never
 * reaches the person.
 */

type Json = Record<string, any>;

// https://api.slack.com/reference/surfaces/views — "blocks: up to 100 blocks", "title: max 24 characters",
// "submit"/"close": max 24 characters, "private_metadata: max 3000 characters", "callback_id: max 255 characters"
const VIEW = { blocks: 100, title: 24, button: 24, privateMetadata: 3000, callbackId: 255 };
// https://api.slack.com/reference/block-kit/blocks — "a message can have up to 50 blocks; modals and Home tabs up to 100"
const MESSAGE_BLOCKS = 50;
// https://api.slack.com/reference/block-kit/blocks#header — "text: max 150 characters"
const HEADER_TEXT = 150;
// https://api.slack.com/reference/block-kit/blocks#section — "text: max 3000 characters", "fields: max 10 items, each max 2000 characters"
const SECTION = { text: 3000, fields: 10, field: 2000 };
// https://api.slack.com/reference/block-kit/blocks (every block) — "block_id: max 255 characters"
const BLOCK_ID = 255;
// https://api.slack.com/reference/block-kit/blocks#actions — "elements: max 25"; #context — "elements: max 10"
const ACTIONS_ELEMENTS = 25;
const CONTEXT_ELEMENTS = 10;
// https://api.slack.com/reference/block-kit/blocks#input — "label: max 2000 characters", "hint: max 2000 characters"
const INPUT_LABEL = 2000;
// https://api.slack.com/reference/block-kit/block-elements (every interactive element) — "action_id: max 255 characters"
const ACTION_ID = 255;
// https://api.slack.com/reference/block-kit/block-elements#button — "text: max 75 characters", "value: max 2000 characters"
const BUTTON = { text: 75, value: 2000 };
// https://api.slack.com/reference/block-kit/block-elements#input — plain-text input "initial_value", "max_length: max 3000"
const TEXT_INPUT = 3000;
// https://api.slack.com/reference/block-kit/block-elements#static_select — "options: max 100";
// #checkboxes and #radio — "options: max 10"; #overflow — "options: max 5"
const SELECT_OPTIONS = 100;
const CHOICE_OPTIONS = 10;
const OVERFLOW_OPTIONS = 5;
// https://api.slack.com/reference/block-kit/composition-objects#option — "text: max 75 characters", "value: max 150", "description: max 75"
const OPTION = { text: 75, value: 150, description: 75 };
// https://api.slack.com/reference/block-kit/composition-objects#confirm — "title: max 100", "text: max 300", "confirm"/"deny": max 30
const CONFIRM = { title: 100, text: 300, button: 30 };

const textOf = (value: unknown): string => (typeof value === 'string' ? value : typeof (value as Json)?.text === 'string' ? (value as Json).text : '');

/** What breaks Slack's limits in a modal or Home tab (`view`), or a message's `blocks`; empty when nothing does. */
export function blockKitProblems(surface: { view: Json } | { blocks: Json[] }): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => length > max && problems.push(`${what}: ${length} > ${max}`);
  let blocks: Json[];
  if ('view' in surface) {
    const { view } = surface;
    blocks = view.blocks ?? [];
    over('view blocks', blocks.length, VIEW.blocks);
    if (view.type === 'modal') {
      over('view title', textOf(view.title).length, VIEW.title);
      if (!textOf(view.title)) problems.push('a modal needs a title');
    }
    over('view submit', textOf(view.submit).length, VIEW.button);
    over('view close', textOf(view.close).length, VIEW.button);
    over('view private_metadata', String(view.private_metadata ?? '').length, VIEW.privateMetadata);
    over('view callback_id', String(view.callback_id ?? '').length, VIEW.callbackId);
    if (blocks.some((block) => block.type === 'input') && view.type === 'modal' && !view.submit) problems.push('a modal with inputs needs a submit button');
  } else {
    blocks = surface.blocks;
    over('message blocks', blocks.length, MESSAGE_BLOCKS);
  }
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const where = `block ${i} (${block.type}${block.block_id ? ` ${block.block_id}` : ''})`;
    if (block.block_id !== undefined) {
      over(`${where} block_id`, String(block.block_id).length, BLOCK_ID);
      if (blockIds.has(block.block_id)) problems.push(`${where}: block_id repeated`);
      blockIds.add(block.block_id);
    }
    if (block.type === 'header') over(`${where} text`, textOf(block.text).length, HEADER_TEXT);
    if (block.type === 'section') {
      over(`${where} text`, textOf(block.text).length, SECTION.text);
      if (block.fields) over(`${where} fields`, block.fields.length, SECTION.fields);
      for (const field of block.fields ?? []) over(`${where} field`, textOf(field).length, SECTION.field);
      if (!block.text && !block.fields) problems.push(`${where}: a section needs text or fields`);
      if (block.accessory) element(block.accessory, where);
    }
    if (block.type === 'actions') {
      over(`${where} elements`, block.elements.length, ACTIONS_ELEMENTS);
      const actionIds = new Set<string>();
      for (const child of block.elements) {
        if (child.action_id && actionIds.has(child.action_id)) problems.push(`${where}: action_id ${child.action_id} repeated in one block`);
        actionIds.add(child.action_id);
        element(child, where);
      }
    }
    if (block.type === 'context') over(`${where} elements`, block.elements.length, CONTEXT_ELEMENTS);
    if (block.type === 'input') {
      over(`${where} label`, textOf(block.label).length, INPUT_LABEL);
      element(block.element, where);
    }
  });
  return problems;

  function element(el: Json, where: string) {
    const at = `${where} ${el.type}${el.action_id ? ` ${el.action_id}` : ''}`;
    if (el.action_id !== undefined) over(`${at} action_id`, String(el.action_id).length, ACTION_ID);
    if (el.type === 'button') {
      over(`${at} text`, textOf(el.text).length, BUTTON.text);
      if (el.value !== undefined) over(`${at} value`, String(el.value).length, BUTTON.value);
    }
    if (el.type === 'plain_text_input') {
      if (el.initial_value !== undefined) over(`${at} initial_value`, String(el.initial_value).length, TEXT_INPUT);
      if (el.max_length !== undefined) over(`${at} max_length`, el.max_length, TEXT_INPUT);
      if (el.max_length !== undefined && el.initial_value !== undefined) over(`${at} initial_value over its own max_length`, String(el.initial_value).length, el.max_length);
    }
    const options: Json[] = el.options ?? (el.option_groups ?? []).flatMap((group: Json) => group.options);
    if (el.options || el.option_groups) {
      const max = el.type === 'checkboxes' || el.type === 'radio_buttons' ? CHOICE_OPTIONS : el.type === 'overflow' ? OVERFLOW_OPTIONS : SELECT_OPTIONS;
      over(`${at} options`, options.length, max);
    }
    for (const option of [...options, ...(el.initial_options ?? []), ...(el.initial_option ? [el.initial_option] : [])]) {
      over(`${at} option text`, textOf(option.text).length, OPTION.text);
      over(`${at} option value`, String(option.value ?? '').length, OPTION.value);
      if (option.description) over(`${at} option description`, textOf(option.description).length, OPTION.description);
    }
    for (const chosen of [...(el.initial_options ?? []), ...(el.initial_option ? [el.initial_option] : [])]) {
      // Slack refuses an initial option that is not exactly one of the options
      if (!options.some((option) => JSON.stringify(option) === JSON.stringify(chosen))) problems.push(`${at}: initial option ${chosen.value} is not one of its options`);
    }
    if (el.confirm) {
      over(`${at} confirm title`, textOf(el.confirm.title).length, CONFIRM.title);
      over(`${at} confirm text`, textOf(el.confirm.text).length, CONFIRM.text);
      over(`${at} confirm button`, textOf(el.confirm.confirm).length, CONFIRM.button);
      over(`${at} deny button`, textOf(el.confirm.deny).length, CONFIRM.button);
    }
  }
}
