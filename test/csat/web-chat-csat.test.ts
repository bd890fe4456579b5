import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { storedConversation } from '../support/stored-state.js';
import { startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import { accessibilityProblems, hasChromium, launchChromium } from '../support/browser.js';

let service: RunningService;
let browser: Browser;

describe.skipIf(!hasChromium)('"How did we do?" in the web chat (Chromium)', () => {
  beforeAll(async () => {
    service = await startTestService({ mongodbUri: testDatabaseUri() });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('asks after the team resolves, takes one rating with a comment, and does not ask again', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${service.url}/?bot=demo`);
    await page.fill('#text', 'I want to talk to a human please');
    await page.click('#composer button[type=submit]');
    await page.getByText('Waiting for a person from the team').waitFor();
    expect(await page.locator('#csat').isVisible()).toBe(false);

    const { conversationId } = JSON.parse((await page.evaluate(() => localStorage.getItem('handover:demo'))) ?? '{}');
    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U0CSATWEB' }, { name: 'Kim' }, OPERATOR_TENANT);
    await claimConversation(service.ctx, conversationId, agent);
    await resolveConversation(service.ctx, conversationId, agent);

    await page.getByRole('group', { name: 'How did we do?' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('4', { exact: true }).check();
    await page.getByLabel('Anything to add? (optional)').fill('Kim sorted it out');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you for rating us!').waitFor();
    expect(await page.locator('#csat').isVisible()).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);

    const handoverId = (await storedConversation(service, conversationId))!.lastHandoverId!;
    expect(await service.ctx.handoverFacts.find(handoverId, 'csat')).toMatchObject({ score: 4, comment: 'Kim sorted it out' });

    await page.reload();
    await page.getByText('Resolved — the bot is back').waitFor();
    // the stream has answered its status: a question would have come with it
    await waitFor(async () => page.evaluate(() => document.querySelectorAll('.message').length > 0));
    expect(await page.locator('#csat').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
