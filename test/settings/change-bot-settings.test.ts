import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { RuleLimitError, SettingsChangedError, UnknownStaffError } from '../../src/errors.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { RuleInvalidError } from '../../src/settings/apply-settings-change.js';
import { changeBotSettings } from '../../src/settings/change-bot-settings.js';
import { settingsHistory } from '../../src/settings/settings-history.js';
import type { HandoverRule } from '../../src/types.js';
import { startTestService, testDatabaseUri } from '../support/test-service.js';
import { settingsChanges } from './settings-changes.js';

let service: RunningService;
const TENANT = 'slack:T1';
const ann = { id: 'st_ann', name: 'Ann' };
const bob = { id: 'st_bob', name: 'Bob' };
const rule = (name: string, extra: Record<string, unknown> = {}) => handoverRuleSchema.parse({ name, triggers: ['contact_request'], ...extra }) as HandoverRule;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(() => service?.stop());

const { newBot, change } = settingsChanges(() => service, TENANT);

describe('changing a bot’s settings', () => {
  it('adds, edits, moves and deletes rules, each change a revision, listed newest first with who did what', async () => {
    const start = await newBot('crud');
    expect(start.revision).toBe(0);
    await change('crud', ann, { kind: 'addRule', rule: rule('Sales leads') });
    await change('crud', ann, { kind: 'addRule', rule: rule('Refunds') });
    await change('crud', bob, { kind: 'editRule', index: 1, rule: rule('Refunds and returns', { tags: ['refund'] }) });
    await change('crud', bob, { kind: 'moveRuleUp', index: 1 });
    await change('crud', ann, { kind: 'switches', labs: false });
    const last = await change('crud', ann, { kind: 'deleteRule', index: 1 });
    expect(last.revision).toBe(6);
    expect(last.labs).toBe(false);
    expect(last.rules.map((r) => r.name)).toEqual(['Refunds and returns']);
    expect(last.rules[0]!.tags).toEqual(['refund']);

    const history = await settingsHistory(service.ctx, 'crud', TENANT, 10);
    expect(history.map((entry) => `${entry.actor.name}: ${entry.summary}`)).toEqual([
      'Ann: deleted rule "Sales leads"',
      'Ann: turned Labs off',
      'Bob: moved rule "Refunds and returns" up to position 1',
      'Bob: changed rule "Refunds" (now "Refunds and returns")',
      'Ann: added rule "Refunds"',
      'Ann: added rule "Sales leads"',
    ]);
  });

  it('refuses a change made against a revision someone else has changed since, saying who and what', async () => {
    const bot = await newBot('stale');
    await changeBotSettings(service.ctx, { botId: 'stale', tenant: TENANT, actor: ann, expectedRevision: bot.revision, change: { kind: 'addRule', rule: rule('First') } });
    const late = changeBotSettings(service.ctx, { botId: 'stale', tenant: TENANT, actor: bob, expectedRevision: bot.revision, change: { kind: 'addRule', rule: rule('Second') } });
    await expect(late).rejects.toBeInstanceOf(SettingsChangedError);
    await expect(late).rejects.toThrow(/changed meanwhile by Ann \(added rule "First"\)/);
    expect((await service.ctx.bots.find('stale', { fresh: true }))!.rules.map((r) => r.name)).toEqual(['First']);
  });

  it('lets exactly one of two simultaneous changes of the same revision through', async () => {
    const bot = await newBot('race');
    const attempt = (actor: typeof ann, name: string) =>
      changeBotSettings(service.ctx, { botId: 'race', tenant: TENANT, actor, expectedRevision: bot.revision, change: { kind: 'addRule', rule: rule(name) } }).then(
        () => 'saved',
        (error: unknown) => (error instanceof SettingsChangedError ? 'refused' : String(error)),
      );
    const outcomes = await Promise.all([attempt(ann, 'From Ann'), attempt(bob, 'From Bob')]);
    expect(outcomes.sort()).toEqual(['refused', 'saved']);
    const stored = (await service.ctx.bots.find('race', { fresh: true }))!;
    expect(stored.rules).toHaveLength(1);
    expect(stored.revision).toBe(1);
    expect(await settingsHistory(service.ctx, 'race', TENANT, 10)).toHaveLength(1);
  });

  it('names a change decided moments ago as the one in the way, and gets past one decided long ago that never saved', async () => {
    await newBot('crashed');
    const minutesAgo = (minutes: number) => new Date(service.ctx.now().getTime() - minutes * 60_000).toISOString();
    await service.ctx.decisions.decideOnce('settings:crashed:0', { actorName: 'Carol', summary: 'added rule "Half done"', at: minutesAgo(0) });
    await expect(change('crashed', ann, { kind: 'addRule', rule: rule('Mine') })).rejects.toThrow(/changed meanwhile by Carol \(added rule "Half done"\)/);

    await newBot('crashed-long-ago');
    await service.ctx.decisions.decideOnce('settings:crashed-long-ago:0', { actorName: 'Carol', summary: 'added rule "Half done"', at: minutesAgo(5) });
    const attempt = (actor: typeof ann, name: string) =>
      changeBotSettings(service.ctx, { botId: 'crashed-long-ago', tenant: TENANT, actor, expectedRevision: 0, change: { kind: 'addRule', rule: rule(name) } }).then(
        () => 'saved',
        (error: unknown) => (error instanceof SettingsChangedError ? 'refused' : String(error)),
      );
    expect((await Promise.all([attempt(ann, 'From Ann'), attempt(bob, 'From Bob')])).sort()).toEqual(['refused', 'saved']);
    expect((await service.ctx.bots.find('crashed-long-ago', { fresh: true }))!.rules).toHaveLength(1);
  });

  it('names the change in the way even when it is saved but not yet recorded in the history', async () => {
    const bot = await newBot('unrecorded');
    // the winner between saving the bot and appending to the history
    await service.ctx.decisions.decideOnce('settings:unrecorded:0', { actorName: 'Carol', summary: 'turned Labs off', at: service.ctx.now().toISOString() });
    await service.ctx.bots.saveSettings('unrecorded', { ...bot, labs: false }, 0);
    const late = changeBotSettings(service.ctx, { botId: 'unrecorded', tenant: TENANT, actor: bob, expectedRevision: 0, change: { kind: 'addRule', rule: rule('Late') } });
    await expect(late).rejects.toThrow(/changed meanwhile by Carol \(turned Labs off\)/);
  });

  it('refuses a 7th rule, an invalid rule by field, and another tenant’s bot as one that does not exist', async () => {
    await newBot('full');
    for (let i = 1; i <= 6; i += 1) await change('full', ann, { kind: 'addRule', rule: rule(`r${i}`) });
    await expect(change('full', ann, { kind: 'addRule', rule: rule('r7') })).rejects.toBeInstanceOf(RuleLimitError);

    await newBot('checked');
    const invalid = change('checked', ann, { kind: 'addRule', rule: { ...rule('Bad'), triggers: [], tags: ['no spaces allowed'] } });
    await expect(invalid).rejects.toBeInstanceOf(RuleInvalidError);
    const issues = await invalid.catch((error: RuleInvalidError) => error.issues.map((issue) => issue.path.join('.')));
    expect(issues).toEqual(expect.arrayContaining(['triggers', 'tags.0']));

    const theirs = await newBot('theirs', 'slack:T2');
    await expect(
      changeBotSettings(service.ctx, { botId: 'theirs', tenant: TENANT, actor: ann, expectedRevision: theirs.revision, change: { kind: 'switches', handover: false } }),
    ).rejects.toThrow(/bot "theirs" not found/);
    await expect(settingsHistory(service.ctx, 'theirs', TENANT, 10)).rejects.toThrow(/not found/);
  });

  it('saves a rule naming someone the platform finds (stored in the tenant) and refuses one it cannot find', async () => {
    await newBot('named');
    const lookupStaff = async (reference: string) => (reference === 'U0NEWHIRE' ? { identity: { slackUserId: 'U0NEWHIRE' }, name: 'New Hire', email: 'new@example.com' } : null);
    await change('named', ann, { kind: 'addRule', rule: rule('To the new hire', { assign: { mode: 'user', staff: 'U0NEWHIRE' } }) }, { lookupStaff });
    expect(await service.ctx.staff.findInTenant('U0NEWHIRE', TENANT)).toMatchObject({ name: 'New Hire', tenant: TENANT });
    await expect(change('named', ann, { kind: 'addRule', rule: rule('To nobody', { assign: { mode: 'user', staff: 'U0NOBODY' } }) }, { lookupStaff })).rejects.toBeInstanceOf(UnknownStaffError);
    expect((await service.ctx.bots.find('named', { fresh: true }))!.rules.map((r) => r.name)).toEqual(['To the new hire']);
  });
});
