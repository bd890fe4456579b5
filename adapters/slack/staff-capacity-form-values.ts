import type { ViewStateValues } from './rule-form-values.js';
import { CAPACITY_FIELD } from './staff-capacity-view.js';

/** The capacity a submitted form sets (null: each person's own), or what to fix. */
export function staffCapacityFromForm(values: ViewStateValues): { staffCapacity: number | null } | { error: string } {
  const raw = (values[CAPACITY_FIELD]?.[CAPACITY_FIELD]?.value ?? '').trim();
  if (!raw) return { staffCapacity: null };
  const value = Number(raw);
  return Number.isInteger(value) ? { staffCapacity: value } : { error: 'A whole number from 1 to 100, please.' };
}
