import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { SettingsChangedError } from '../../src/errors.js';
import { RuleInvalidError } from '../../src/settings/apply-settings-change.js';
import { changeBotSettings } from '../../src/settings/change-bot-settings.js';
import type { ChangeBotSettingsInput } from '../../src/settings/settings-change.js';
import { settingsHistory } from '../../src/settings/settings-history.js';
import type { BusinessHours } from '../../src/types.js';
import { startTestService, testDatabaseUri } from '../support/test-service.js';
import { settingsChanges } from './settings-changes.js';

let service: RunningService;
const TENANT = 'slack:T1';
const ann = { id: 'st_ann', name: 'Ann' };
const nineToFive = { from: '09:00', to: '17:00' };
const berlinWeek: BusinessHours = { timeZone: 'Europe/Berlin', weekly: { mon: [nineToFive], tue: [nineToFive], wed: [nineToFive], thu: [nineToFive], fri: [nineToFive] }, holidays: [] };

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(() => service?.stop());

const settings = settingsChanges(() => service, TENANT);
const { newBot } = settings;
const change = (botId: string, changeOf: ChangeBotSettingsInput['change']) => settings.change(botId, ann, changeOf);

const history = async (botId: string) => (await settingsHistory(service.ctx, botId, TENANT, 10)).map((entry) => entry.summary);

describe('business hours and staff capacity from the settings forms', () => {
  it('stores business hours and staff capacity, each change a revision in the history in plain words', async () => {
    await newBot('hours');
    await change('hours', { kind: 'businessHours', businessHours: berlinWeek });
    await change('hours', { kind: 'staffCapacity', staffCapacity: 3 });
    const stored = (await service.ctx.bots.find('hours', { fresh: true }))!;
    expect(stored.businessHours).toEqual(berlinWeek);
    expect(stored.staffCapacity).toBe(3);
    expect(stored.revision).toBe(2);

    await change('hours', { kind: 'businessHours', businessHours: null });
    await change('hours', { kind: 'staffCapacity', staffCapacity: null });
    const after = (await service.ctx.bots.find('hours', { fresh: true }))!;
    expect(after.businessHours).toBeNull();
    expect(after.staffCapacity ?? null).toBeNull();
    expect(await history('hours')).toEqual([
      'set staff capacity to each person’s own limit',
      'turned business hours off',
      'set staff capacity to 3',
      'set business hours to Mon–Fri 9:00–17:00 (Europe/Berlin)',
    ]);
  });

  it('keeps the other settings when the hours change, and the hours when a rule changes', async () => {
    await newBot('keeps');
    await change('keeps', { kind: 'staffCapacity', staffCapacity: 4 });
    await change('keeps', { kind: 'businessHours', businessHours: { ...berlinWeek, weekly: { ...berlinWeek.weekly, sat: [{ from: '10:00', to: '14:00' }] }, holidays: ['2026-12-25'] } });
    await change('keeps', { kind: 'switches', labs: false });
    const stored = (await service.ctx.bots.find('keeps', { fresh: true }))!;
    expect(stored).toMatchObject({ staffCapacity: 4, labs: false, businessHours: { holidays: ['2026-12-25'] } });
    expect((await history('keeps'))[1]).toBe('set business hours to Mon–Fri 9:00–17:00, Sat 10:00–14:00 (Europe/Berlin); 1 closed day');
  });

  it('refuses bad hours and capacity field by field, saving nothing', async () => {
    await newBot('refused');
    const bad = change('refused', { kind: 'businessHours', businessHours: { timeZone: 'Mars/Olympus', weekly: { mon: [{ from: '17:00', to: '09:00' }] }, holidays: ['25.12.2026'] } });
    await expect(bad).rejects.toBeInstanceOf(RuleInvalidError);
    const fields = await bad.catch((error: RuleInvalidError) => error.issues.map((issue) => issue.path.join('.')));
    expect(fields).toEqual(expect.arrayContaining(['timeZone', 'weekly.mon.0', 'holidays.0']));
    await expect(change('refused', { kind: 'businessHours', businessHours: { timeZone: 'Europe/Berlin', weekly: {}, holidays: [] } })).rejects.toThrow(/weekly needs at least one open range/);

    for (const staffCapacity of [0, 101, 2.5]) {
      const refused = change('refused', { kind: 'staffCapacity', staffCapacity });
      await expect(refused).rejects.toBeInstanceOf(RuleInvalidError);
      expect(await refused.catch((error: RuleInvalidError) => error.issues[0]!.path)).toEqual(['staffCapacity']);
    }
    const stored = (await service.ctx.bots.find('refused', { fresh: true }))!;
    expect(stored.revision).toBe(0);
    expect(stored.businessHours ?? null).toBeNull();
    expect(await history('refused')).toEqual([]);
  });

  it('records nothing when the form is saved unchanged, and refuses hours saved against an older revision', async () => {
    await newBot('same');
    await change('same', { kind: 'businessHours', businessHours: berlinWeek });
    const unchanged = await change('same', { kind: 'businessHours', businessHours: berlinWeek });
    expect(unchanged.revision).toBe(1);
    await expect(changeBotSettings(service.ctx, { botId: 'same', tenant: TENANT, actor: ann, expectedRevision: 0, change: { kind: 'staffCapacity', staffCapacity: 2 } })).rejects.toBeInstanceOf(SettingsChangedError);
    expect(await history('same')).toHaveLength(1);
  });
});
