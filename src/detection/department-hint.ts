import { normalizeText } from '../text/normalize-text.js';

/**
 * Whom a request for a person is for, when the customer says: a team
 * ("your sales team", "billing"), or a person or role ("my account manager",
 * "Maria"), so a rule can send sales leads to another channel. Null when
 * they just want a person.
 */
export type DepartmentHint = 'sales' | 'billing' | 'support' | (string & {});

const TEAMS: Array<[DepartmentHint, RegExp]> = [
  ['sales', /\b(sales|sale|salesperson|salesman|buy|buying|purchase|purchasing|pricing|price|prices|quote|demo|ventas|vendas|vendedor|vendeur|commercial|commerciale|vertrieb|verkauf|comercial)\b/],
  ['billing', /\b(billing|bill|bills|invoice|invoices|invoicing|accounts|accounting|payments?|facturation|facturacion|facturas?|factura|rechnung|rechnungen|buchhaltung|cobranca|faturamento|financeiro|comptabilite)\b/],
  ['support', /\b(support|technical|tech|technician|helpdesk|help desk|it|soporte|suporte|technique|tecnico|technik|technischen)\b/],
];

const ROLES: Array<[string, RegExp]> = [
  ['account manager', /\b(account manager|account executive|gestor de cuenta|gestionnaire de compte|kundenbetreuer)\b/],
  ['founder', /\b(founder|founders|ceo|owner|owners)\b/],
  ['manager', /\b(manager|supervisor|boss|gerente|responsable|vorgesetzten|chef)\b/],
];

// A capitalised name straight after "to" / "with": "put me through to Maria".
const NAMED = /\b(?:to|with|mit|avec|con|com)\s+(?!(?:a|an|the|your|my|someone|somebody|customer|sales|billing|support|you|me|I)\b)([A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?)\b/;
const NOT_NAMES = new Set(['Human', 'Agent', 'Person', 'Someone', 'Support', 'Sales', 'Billing', 'Customer', 'Representative', 'Operator', 'Manager', 'Team', 'English', 'Spanish', 'French', 'German']);

export function departmentHint(text: string): DepartmentHint | null {
  const normalized = ` ${normalizeText(text)} `;
  for (const [role, pattern] of ROLES) if (pattern.test(normalized)) return role;
  for (const [team, pattern] of TEAMS) if (pattern.test(normalized)) return team;
  const named = NAMED.exec(text);
  if (named && !NOT_NAMES.has(named[1]!.split(' ')[0]!)) return named[1]!;
  return null;
}
