import { z } from 'zod';
import type { Logger } from 'pino';
import { findBot } from '../../src/bots/tenant-bots.js';
import { CONFIG_REFUSAL } from '../../src/commands/handover-command.js';
import { HandoverError, RuleLimitError, SettingsChangedError, UnknownStaffError } from '../../src/errors.js';
import { staffErrorText } from '../../src/notify/notification-texts.js';
import type { HandoverContext } from '../../src/handover-context.js';
import { MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import { RuleInvalidError } from '../../src/settings/apply-settings-change.js';
import { changeBotSettings } from '../../src/settings/change-bot-settings.js';
import { describeChange } from '../../src/settings/describe-change.js';
import type { SettingsChange, StaffLookup } from '../../src/settings/settings-change.js';
import { updateStaffPreferences } from '../../src/staff/save-staff-member.js';
import type { Tenant } from '../../src/tenants/tenant.js';
import type { Bot, StaffMember } from '../../src/types.js';
import { SETTINGS_VERBS, adaptiveCard, noteBlock, settingsCard, type CardNote } from './settings-card.js';
import { hoursCard } from './settings-hours-card.js';
import { fieldOfHoursPath, formValuesOfHours, hoursFormSchema, hoursOfFormValues, staffCapacityOfInput, type HoursFieldErrors, type HoursFormValues } from './settings-hours-form.js';
import { SAVE_PREFERENCES_VERB, preferencesCard, preferencesInputSchema } from './settings-preferences-card.js';
import { ruleEditorCard, type StaffChoice } from './settings-rule-editor-card.js';
import { fieldOfRulePath, formValuesOfRule, ruleFormSchema, ruleOfFormValues, type FieldErrors, type RuleFormValues } from './settings-rule-form.js';
import { RosterUnavailableError, type RosterMember } from './settings-roster.js';

/** Who clicked, as the verified activity says: their tenant, their staff record, whether they are an admin. */
export interface SettingsCaller {
  tenant: Tenant;
  staff: StaffMember;
  mayConfigure: boolean;
  /** The Teams roster of where the card is (TeamsInfo.getMember). */
  findMember: (reference: string) => Promise<RosterMember | null>;
}

const SETTINGS_VERB_SET: ReadonlySet<string> = new Set([...Object.values(SETTINGS_VERBS), SAVE_PREFERENCES_VERB]);

/** Whether an Action.Execute verb is one of the settings cards'. */
export function isSettingsVerb(verb: string | undefined): boolean {
  return verb !== undefined && SETTINGS_VERB_SET.has(verb);
}

/** What every settings button carries (plus the inputs Teams merges in): which bot, the revision shown, which rule. */
const actionDataSchema = z.object({
  botId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  revision: z.coerce.number().int().min(0),
  index: z.coerce.number().int().min(-1).max(MAX_RULES_PER_BOT).optional(),
});

const toggle = z.enum(['true', 'false']).optional();
const switchesSchema = z.object({ labs: toggle, handover: toggle });

const plainCard = (text: string, tone: CardNote['tone'] = 'attention') => adaptiveCard(noteBlock({ text, tone }));

/**
 * The Teams settings cards' Universal Actions: each click is an invoke whose
 * answer is the card Teams shows in place of the one clicked. Changes go
 * through changeBotSettings against the revision the card showed.
 */
export function teamsSettingsActions(ctx: HandoverContext, log: Logger) {
  /** Names of the people the bot's rules assign to, for the rule list. */
  const personNames = async (bot: Bot): Promise<Map<string, string>> => {
    const names = new Map<string, string>();
    for (const rule of bot.rules) {
      if (rule.assign.mode !== 'user' || names.has(rule.assign.staff)) continue;
      const staff = await ctx.staff.findInTenant(rule.assign.staff, bot.tenant);
      if (staff) names.set(rule.assign.staff, staff.name);
    }
    return names;
  };

  const overview = async (bot: Bot, note: CardNote | null = null, capacity: { value?: string; error?: string } = {}) => settingsCard(bot, { note, personNames: await personNames(bot), capacity });

  /** The tenant's people the picker lists: those known to Teams, with whoever the rule names now. */
  const staffChoices = async (bot: Bot, named: StaffMember | null): Promise<StaffChoice[]> => {
    const known = (await ctx.staff.availableStaff(bot.tenant)).filter((staff) => staff.teamsUserId);
    const people = named && !known.some((staff) => staff.id === named.id) ? [named, ...known] : known;
    return people.map((staff) => ({ title: staff.email ? `${staff.name} (${staff.email})` : staff.name, value: staff.teamsUserId ?? staff.id }));
  };

  const editor = async (bot: Bot, index: number | null, values: RuleFormValues | null, errors: FieldErrors = {}, note: CardNote | null = null) => {
    const rule = index === null ? null : (bot.rules[index] ?? null);
    const named = rule?.assign.mode === 'user' ? await ctx.staff.findInTenant(rule.assign.staff, bot.tenant) : null;
    const shown = values ?? formValuesOfRule(rule, bot.failedTurnsBeforeHandover, named ? (named.teamsUserId ?? named.id) : rule?.assign.mode === 'user' ? rule.assign.staff : '');
    return ruleEditorCard(bot, { index, values: shown, errors, note, staffChoices: await staffChoices(bot, named) });
  };

  /** The bot as of the card: its current settings, at the revision the person saw (a save against it detects any change since). */
  const asShown = (bot: Bot, revision: number): Bot => ({ ...bot, revision });

  const change = async (caller: SettingsCaller, bot: Bot, revision: number, settingsChange: SettingsChange, lookupStaff?: StaffLookup) =>
    changeBotSettings(ctx, { botId: bot.id, tenant: caller.tenant, actor: { id: caller.staff.id, name: caller.staff.name }, expectedRevision: revision, change: settingsChange, lookupStaff });

  const changedMeanwhile = (error: SettingsChangedError): CardNote => ({
    text: `Not saved: ${error.changedBy ?? 'someone'} changed these settings meanwhile${error.changeSummary ? ` (${error.changeSummary})` : ''}. Here they are now; make your change again if it is still needed.`,
    tone: 'attention',
  });

  /** Saves the rule editor's inputs, or answers the editor again with what to fix. */
  const saveRule = async (caller: SettingsCaller, bot: Bot, revision: number, index: number | null, data: Record<string, unknown>) => {
    const parsedValues = ruleFormSchema.safeParse(data);
    if (!parsedValues.success) return editor(asShown(bot, revision), index, null, {}, { text: 'The form could not be read: open the rule again.', tone: 'attention' });
    const values = parsedValues.data;
    // on a stale card the save itself says who changed what
    if (index !== null && !bot.rules[index] && revision === bot.revision) return overview(bot, { text: `Rule ${index + 1} no longer exists: nothing was saved.`, tone: 'attention' });
    const others = bot.rules.filter((_, i) => i !== index).map((rule) => rule.name);
    const submitted = ruleOfFormValues(values, others);
    if ('errors' in submitted) return editor(asShown(bot, revision), index, values, submitted.errors, { text: 'Not saved: check the fields marked below.', tone: 'attention' });
    const { rule, person, failedTurnsBeforeHandover } = submitted.ok;
    const personField = values.assignOther.trim() ? 'assignOther' : 'assignStaff';

    let lookupStaff: StaffLookup | undefined;
    if (person) {
      // someone Handover knows in this tenant, or else the team's roster: the rule keeps an id that finds them when it fires
      const known = await ctx.staff.findInTenant(person, bot.tenant);
      let member: RosterMember | null = null;
      if (!known) {
        try {
          member = await caller.findMember(person);
        } catch (error) {
          if (!(error instanceof RosterUnavailableError)) throw error;
          log.warn({ botId: bot.id, error: error.message }, 'teams roster lookup failed');
          return editor(asShown(bot, revision), index, values, {}, { text: 'Not saved: Teams did not tell us who that is just now. Try again in a moment.', tone: 'attention' });
        }
        if (!member) return editor(asShown(bot, revision), index, values, { [personField]: `Nobody "${person}" was found in this team: pick a member of the team.` }, { text: 'Not saved: check the fields marked below.', tone: 'attention' });
      }
      rule.assign = { mode: 'user', staff: known ? known.id : member!.teamsUserId };
      const found = member;
      lookupStaff = async () => (found ? { identity: { teamsUserId: found.teamsUserId }, name: found.name, email: found.email } : null);
    }

    const ruleChange: SettingsChange = index === null ? { kind: 'addRule', rule, failedTurnsBeforeHandover } : { kind: 'editRule', index, rule, failedTurnsBeforeHandover };
    let saved: Bot;
    try {
      saved = await change(caller, bot, revision, ruleChange, lookupStaff);
    } catch (error) {
      if (error instanceof SettingsChangedError) {
        const now = (await findBot(ctx, bot.id)) ?? bot;
        // a new rule does not depend on where the others are: keep what was typed, against the current revision
        return index === null ? editor(now, null, values, {}, changedMeanwhile(error)) : overview(now, changedMeanwhile(error));
      }
      if (error instanceof RuleLimitError) return overview(bot, { text: `Not added: a bot has at most ${MAX_RULES_PER_BOT} rules. Delete one first.`, tone: 'attention' });
      if (error instanceof UnknownStaffError) return editor(asShown(bot, revision), index, values, { [personField]: error.message }, { text: 'Not saved: check the fields marked below.', tone: 'attention' });
      if (error instanceof RuleInvalidError) {
        const errors: FieldErrors = {};
        for (const issue of error.issues) errors[fieldOfRulePath(issue.path)] ??= issue.message;
        return editor(asShown(bot, revision), index, values, errors, { text: 'Not saved: check the fields marked below.', tone: 'attention' });
      }
      if (error instanceof HandoverError) return overview(bot, { text: `Not saved: ${staffErrorText(error)}`, tone: 'attention' });
      throw error;
    }
    return overview(saved, { text: `Saved: ${describeChange(bot, ruleChange) || `rule "${rule.name}" unchanged`}.`, tone: 'good' });
  };

  const NOT_SAVED: CardNote = { text: 'Not saved: check the fields marked below.', tone: 'attention' };

  const hoursEditor = (bot: Bot, values: HoursFormValues | null, errors: HoursFieldErrors = {}, note: CardNote | null = null) =>
    hoursCard(bot, { values: values ?? formValuesOfHours(bot.businessHours), errors, note });

  /** Saves the business hours card's inputs, or answers it again with what to fix. */
  const saveHours = async (caller: SettingsCaller, bot: Bot, revision: number, data: Record<string, unknown>) => {
    const parsedValues = hoursFormSchema.safeParse(data);
    if (!parsedValues.success) return hoursEditor(asShown(bot, revision), null, {}, { text: 'The form could not be read: open the business hours again.', tone: 'attention' });
    const values = parsedValues.data;
    const submitted = hoursOfFormValues(values);
    if ('errors' in submitted) return hoursEditor(asShown(bot, revision), values, submitted.errors, NOT_SAVED);
    const hoursChange: SettingsChange = { kind: 'businessHours', businessHours: submitted.ok };
    const summary = describeChange(bot, hoursChange);
    try {
      const saved = await change(caller, bot, revision, hoursChange);
      return overview(saved, { text: summary ? `Saved: ${summary}.` : 'Nothing changed.', tone: 'good' });
    } catch (error) {
      // the hours as they are now, against the current revision: typing them again over someone else's is a choice made seeing them
      if (error instanceof SettingsChangedError) return hoursEditor((await findBot(ctx, bot.id)) ?? bot, null, {}, changedMeanwhile(error));
      if (error instanceof RuleInvalidError) {
        const errors: HoursFieldErrors = {};
        const zoneField = values.timeZoneOther.trim() ? 'timeZoneOther' : 'timeZone';
        for (const issue of error.issues) errors[fieldOfHoursPath(issue.path, zoneField)] ??= issue.message;
        return hoursEditor(asShown(bot, revision), values, errors, NOT_SAVED);
      }
      if (error instanceof HandoverError) return overview(bot, { text: `Not saved: ${staffErrorText(error)}`, tone: 'attention' });
      throw error;
    }
  };

  /** Saves the settings card's staff capacity, or answers it again with the message next to the input. */
  const saveCapacity = async (caller: SettingsCaller, bot: Bot, revision: number, data: Record<string, unknown>) => {
    const written = data.staffCapacity === undefined || data.staffCapacity === null ? '' : String(data.staffCapacity).slice(0, 20);
    const capacity = staffCapacityOfInput(written);
    if ('error' in capacity) return overview(asShown(bot, revision), NOT_SAVED, { value: written, error: written ? `"${written}": ${capacity.error}` : capacity.error });
    const capacityChange: SettingsChange = { kind: 'staffCapacity', staffCapacity: capacity.ok };
    const summary = describeChange(bot, capacityChange);
    try {
      const saved = await change(caller, bot, revision, capacityChange);
      return overview(saved, { text: summary ? `Saved: ${summary}.` : 'Nothing changed.', tone: 'good' });
    } catch (error) {
      if (error instanceof SettingsChangedError) return overview((await findBot(ctx, bot.id)) ?? bot, changedMeanwhile(error));
      if (error instanceof RuleInvalidError) return overview(asShown(bot, revision), NOT_SAVED, { value: written, error: error.issues[0]?.message ?? error.message });
      if (error instanceof HandoverError) return overview(bot, { text: `Not saved: ${staffErrorText(error)}`, tone: 'attention' });
      throw error;
    }
  };

  const onBotAction = async (verb: string, data: Record<string, unknown>, caller: SettingsCaller) => {
    const parsed = actionDataSchema.safeParse(data);
    if (!parsed.success) return plainCard('This card is out of date or incomplete: send "settings" to get a new one.');
    const { botId, revision } = parsed.data;
    const bot = await findBot(ctx, botId);
    // another tenant's bot is one that does not exist
    if (!bot || bot.tenant !== caller.tenant) return plainCard(`There is no bot "${botId}" here.`);
    if (!caller.mayConfigure) return overview(bot, { text: CONFIG_REFUSAL, tone: 'attention' });
    const index = parsed.data.index ?? -1;

    switch (verb) {
      case SETTINGS_VERBS.open:
        return overview(bot);
      case SETTINGS_VERBS.newRule:
        if (bot.rules.length >= MAX_RULES_PER_BOT) return overview(bot, { text: `A bot has at most ${MAX_RULES_PER_BOT} rules: delete one to add another.`, tone: 'attention' });
        return editor(bot, null, null);
      case SETTINGS_VERBS.editRule:
        if (!bot.rules[index]) return overview(bot, { text: `Rule ${index + 1} no longer exists.`, tone: 'attention' });
        return editor(bot, index, null);
      case SETTINGS_VERBS.saveRule:
        return saveRule(caller, bot, revision, index >= 0 ? index : null, data);
      case SETTINGS_VERBS.editHours:
        return hoursEditor(bot, null);
      case SETTINGS_VERBS.saveHours:
        return saveHours(caller, bot, revision, data);
      case SETTINGS_VERBS.saveCapacity:
        return saveCapacity(caller, bot, revision, data);
    }

    let settingsChange: SettingsChange;
    if (verb === SETTINGS_VERBS.switches) {
      const switches = switchesSchema.safeParse(data);
      if (!switches.success) return overview(bot, { text: 'The switches could not be read: try again.', tone: 'attention' });
      settingsChange = { kind: 'switches', ...(switches.data.labs ? { labs: switches.data.labs === 'true' } : {}), ...(switches.data.handover ? { handover: switches.data.handover === 'true' } : {}) };
    } else if (verb === SETTINGS_VERBS.deleteRule) {
      settingsChange = { kind: 'deleteRule', index };
    } else {
      settingsChange = { kind: 'moveRuleUp', index };
    }
    const summary = describeChange(bot, settingsChange);
    try {
      const saved = await change(caller, bot, revision, settingsChange);
      return overview(saved, summary ? { text: `Saved: ${summary}.`, tone: 'good' } : { text: 'Nothing changed.', tone: 'good' });
    } catch (error) {
      if (error instanceof SettingsChangedError) return overview((await findBot(ctx, bot.id)) ?? bot, changedMeanwhile(error));
      if (error instanceof HandoverError) return overview(bot, { text: `Not saved: ${staffErrorText(error)}`, tone: 'attention' });
      throw error;
    }
  };

  const onPreferences = async (data: Record<string, unknown>, caller: SettingsCaller) => {
    const parsed = preferencesInputSchema.safeParse(data);
    if (!parsed.success) return preferencesCard(caller.staff, { text: 'Not saved: the card could not be read. Try again.', tone: 'attention' });
    const updated = await updateStaffPreferences(ctx, caller.staff.id, parsed.data);
    return preferencesCard(updated ?? caller.staff, { text: 'Saved.', tone: 'good' });
  };

  return {
    /** The settings card of a bot of the caller's tenant (callers have found it through commandBot). */
    settingsCard: (bot: Bot) => overview(bot),
    preferencesCard: (staff: StaffMember) => preferencesCard(staff),
    /** The card answering a settings verb's invoke. */
    onAction(verb: string, data: Record<string, unknown>, caller: SettingsCaller) {
      return verb === SAVE_PREFERENCES_VERB ? onPreferences(data, caller) : onBotAction(verb, data, caller);
    },
  };
}
