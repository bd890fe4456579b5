import { expect } from 'vitest';
import { blockKitProblems } from '../schemas/block-kit-limits.js';
import { waitFor } from '../support/test-service.js';
import { openedView, viewSubmissionBody, type User } from './settings-payloads.js';
import type { SlackStandIn } from '../support/slack-service.js';
import { postToSlackEndpoint, slashCommandBody, type SlackCall } from './slack-stand-in.js';

const form = 'application/x-www-form-urlencoded';

/** Drives the settings modal as Slack does (slash command, views, submissions), against a running service and the Slack stand-in. */
export function settingsModalDriver(running: () => { service: { url: string }; slack: SlackStandIn }, channel: string, lead: User) {
  let views = 0;
  let checked = 0;

  /** The next call to `method` from now that `match` accepts. */
  function nextCall(method: string, match: (call: SlackCall) => boolean = () => true) {
    const { slack } = running();
    const from = slack.calls.length;
    return () => waitFor(async () => slack.calls.slice(from).find((call) => call.method === method && match(call)));
  }

  /** A view id as Slack would give a newly opened or pushed view. */
  const newViewId = () => `V${(views += 1)}`;

  /** `/handover <text>` in the channel; the text of the immediate answer. */
  async function command(text: string, user: User) {
    const response = await postToSlackEndpoint(running().service.url, slashCommandBody(text, user, channel), form);
    expect(response.status).toBe(200);
    return response.text ? ((JSON.parse(response.text) as { text?: string }).text ?? '') : '';
  }

  async function openSettings(botId: string, user = lead) {
    const opened = nextCall('views.open');
    await command(`settings ${botId}`, user);
    return openedView(await opened(), newViewId());
  }

  /** Submits a view with the values filled in; Slack's answer (errors, a push or an update) or null. */
  async function submit(view: Record<string, any>, values: Record<string, any>, user = lead) {
    const response = await postToSlackEndpoint(running().service.url, viewSubmissionBody(view, values, user), form);
    expect(response.status).toBe(200);
    return response.text ? JSON.parse(response.text) : null;
  }

  /** Every view and message Handover produced since the last check stays within Slack's limits (run after each test). */
  function expectWithinBlockKitLimits() {
    const { slack } = running();
    for (const call of slack.calls.slice(checked)) {
      if (call.args.view) expect(blockKitProblems({ view: call.args.view }), `${call.method}`).toEqual([]);
      else if (Array.isArray(call.args.blocks)) expect(blockKitProblems({ blocks: call.args.blocks }), `${call.method}`).toEqual([]);
    }
    checked = slack.calls.length;
  }

  return { nextCall, newViewId, command, openSettings, submit, expectWithinBlockKitLimits };
}
