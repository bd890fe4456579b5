import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { blockActionBody, postToSlackEndpoint, threadMessageEvent } from '../slack/slack-stand-in.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { waitFor } from '../support/test-service.js';
import { escalationPosts } from '../support/stored-state.js';
import { accessibilityProblems, hasChromium, launchChromium } from '../support/browser.js';

const ARTIFACTS = 'test-artifacts';
const CHANNEL = 'C0WEBCHAT1';
const form = 'application/x-www-form-urlencoded';

let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;
let browser: Browser;

describe.skipIf(!hasChromium)('the web chat in a real browser (Chromium)', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ slack, service, stop } = await startSlackService({ service: { demoSlackChannel: CHANNEL } }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  it('a customer asks for a human, an agent replies from the Slack thread, the reply appears on the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${service.url}/?bot=demo`);
    // the empty chat greets the customer in the bot's name
    const greeting = page.getByText('Hi! Ask Bright Path Coaching (demo) anything, or ask for a person.');
    await greeting.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.fill('#text', 'I want to talk to a human please');
    await page.click('button[type=submit]');
    await page.getByText('Thank you! Someone from the team will get back to you.').waitFor();
    await page.getByText('Waiting for a person from the team').waitFor();
    // too few claims yet to promise a time: no number, and the line keeps the page accessible
    await page.locator('#queue').getByText("You are #1 — we'll answer as soon as someone is free").waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    const { conversationId } = JSON.parse((await page.evaluate(() => localStorage.getItem('handover:demo'))) ?? '{}');
    expect(conversationId).toMatch(/^cv_/);
    const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack as { channel: string; ts: string } | undefined);
    await postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, { id: 'U_WEB', name: 'web' }, CHANNEL), form);
    await page.locator('#status').getByText('joined the conversation').waitFor();
    const reply = threadMessageEvent({ eventId: 'EvWeb1', channel: ref.channel, threadTs: ref.ts, user: 'U_WEB', text: 'Hi! I can help with that <b>now</b>' });
    await postToSlackEndpoint(service.url, reply, 'application/json');
    const shown = page.locator('.message--agent').filter({ hasText: 'Hi! I can help with that' });
    await shown.waitFor();
    // agent text is text, never markup
    expect(await shown.locator('b').count()).toBe(0);
    expect(await greeting.isVisible()).toBe(false);
    // customer, bot, system and agent bubbles, the status line and the handover all on the page
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/web-chat-desktop.png`, fullPage: true });

    await postToSlackEndpoint(service.url, blockActionBody('handover_resolve', conversationId, { id: 'U_WEB', name: 'web' }, CHANNEL), form);
    await page.getByText('Resolved — the bot is back').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone-sized window, and the widget script opens the chat in a frame', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true });
    await phone.goto(`${service.url}/?bot=demo`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await phone.locator('#text').isVisible()).toBe(true);
    expect(await phone.locator('button[type=submit]').isVisible()).toBe(true);
    await phone.screenshot({ path: `${ARTIFACTS}/web-chat-phone.png` });
    await phone.close();

    const host = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // a page of this origin embedding the widget with one tag (a page path: data answers such as /healthz carry a CSP that loads nothing)
    await host.goto(`${service.url}/shop`);
    await host.setContent(`<html><body><h1>Shop</h1><script src="${service.url}/widget.js" data-bot="demo"></script></body></html>`);
    await host.getByRole('button', { name: 'Chat with us' }).click();
    const frame = host.frameLocator('iframe[title="Chat with us"]');
    await frame.locator('#text').waitFor();
    await host.screenshot({ path: `${ARTIFACTS}/web-chat-widget.png` });
    await host.close();
  });
});
