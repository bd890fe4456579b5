import type { Bot } from '../types.js';
import { describeBusinessHours } from './describe-business-hours.js';
import type { SettingsChange } from './settings-change.js';

/** A change in plain words for the history (`/handover history`): what a support lead would say they did. */
export function describeChange(before: Pick<Bot, 'labs' | 'handover' | 'rules' | 'failedTurnsBeforeHandover' | 'staffCapacity' | 'businessHours'>, change: SettingsChange): string {
  switch (change.kind) {
    case 'switches': {
      const parts: string[] = [];
      if (change.labs !== undefined && change.labs !== before.labs) parts.push(`turned Labs ${change.labs ? 'on' : 'off'}`);
      if (change.handover !== undefined && change.handover !== before.handover) parts.push(`turned Handover ${change.handover ? 'on' : 'off'}`);
      return parts.join(' and ');
    }
    case 'addRule':
      return `added rule "${change.rule.name}"${failedTurns(before, change.failedTurnsBeforeHandover)}`;
    case 'editRule': {
      const old = before.rules[change.index]?.name ?? change.rule.name;
      return `${old === change.rule.name ? `changed rule "${old}"` : `changed rule "${old}" (now "${change.rule.name}")`}${failedTurns(before, change.failedTurnsBeforeHandover)}`;
    }
    case 'replaceRules':
      return `replaced the rules (now ${change.rules.length}: ${change.rules.map((rule) => `"${rule.name}"`).join(', ') || 'none'})`;
    case 'deleteRule':
      return `deleted rule "${before.rules[change.index]?.name ?? `#${change.index + 1}`}"`;
    case 'businessHours':
      // saving the form unchanged is no change (nothing recorded, no revision)
      if (JSON.stringify(change.businessHours) === JSON.stringify(before.businessHours ?? null)) return '';
      return change.businessHours ? `set business hours to ${describeBusinessHours(change.businessHours)}` : 'turned business hours off';
    case 'staffCapacity':
      if (change.staffCapacity === (before.staffCapacity ?? null)) return '';
      return change.staffCapacity === null ? 'set staff capacity to each person’s own limit' : `set staff capacity to ${change.staffCapacity}`;
    case 'moveRuleUp':
      return `moved rule "${before.rules[change.index]?.name ?? `#${change.index + 1}`}" up to position ${change.index}`;
  }
}

function failedTurns(before: Pick<Bot, 'failedTurnsBeforeHandover'>, value: number | undefined): string {
  return value === undefined || value === before.failedTurnsBeforeHandover ? '' : ` and set failed answers before handover to ${value}`;
}
