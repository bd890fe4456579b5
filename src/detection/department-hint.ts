import { normalizedMessage } from './normalized-message.js';

/**
 * Whom a request for a person is for, when the customer says: a team
 * ("your sales team", "billing"), or a person or role ("my account manager",
 * "Maria"), so a rule can send sales leads to another channel. Null when
 * they just want a person.
 */
export type DepartmentHint = 'sales' | 'billing' | 'support' | (string & {});

const TEAMS: Array<[DepartmentHint, RegExp]> = [
  // German compounds name the team in their first part: "Rechnungsabteilung", "Vertriebsabteilung"
  ['sales', /\b(vertriebs|verkaufs)\w*\b|\b(ventes|vente|venditore|verkaufer)\b/],
  ['billing', /\b(rechnungs|buchhaltungs|abrechnungs|finanz)\w*abteilung\b|\b(cobranzas|cobranza|cobros)\b/],
  ['support', /\b(technik|support|kundendienst|kundenservice|reklamations|beschwerde)\w*abteilung\b|\b(reclamations|reclamaciones|reclamos|reclamacoes|reclami|reklamation|reklamationen|technicien|techniker)\b/],
  ['sales', /\b(sales|sale|salesperson|salesman|buy|buying|purchase|purchasing|pricing|price|prices|quote|demo|ventas|vendas|vendedor|vendeur|commercial|commerciale|vertrieb|verkauf|comercial|vendite|ventas)\b/],
  ['billing', /\b(billing|bill|bills|invoice|invoices|invoicing|accounts|accounting|payments?|facturation|facturacion|facturas?|factura|rechnung|rechnungen|buchhaltung|cobranca|faturamento|financeiro|comptabilite|compta|abrechnung|fatturazione|amministrazione|contabilita|contabilidad)\b/],
  ['support', /\b(support|technical|tech|technician|helpdesk|help desk|service desk|it|soporte|suporte|technique|tecnico|tecnica|technik|technischen|supporto|assistenza|sav)\b/],
];

const ROLES: Array<[string, RegExp]> = [
  ['account manager', /\b(account manager|account executive|gestor de cuenta|gestionnaire de compte|kundenbetreuer|ejecutivo de cuenta|executivo de conta|gerente de conta|consulente di riferimento)\b/],
  ['founder', /\b(founder|founders|ceo|owner|owners)\b/],
  ['manager', /\b(manager|supervisor|boss|gerente|responsable|vorgesetzten|chef|responsabile|responsavel|encargado|direttore|directeur|director|diretor|capo|supervisore|jefe|jefa|chefe|chefin|gerant|gerante|teamleitung|teamleiter|teamleiterin|filialleiter|filialleiterin|abteilungsleiter|vorgesetzte|verantwortlichen|verantwortlicher|zustandigen)\b/],
];

// A capitalised name straight after "to" / "with": "put me through to Maria".
const NAMED = /\b(?:to|with|mit|avec|con|com)\s+(?!(?:a|an|the|your|my|someone|somebody|customer|sales|billing|support|you|me|I)\b)([A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?)\b/;
const NOT_NAMES = new Set(['Human', 'Agent', 'Person', 'Someone', 'Support', 'Sales', 'Billing', 'Customer', 'Representative', 'Operator', 'Manager', 'Team', 'English', 'Spanish', 'French', 'German']);

// Chinese has no word boundaries: the same hints by characters.
const CHINESE: Array<[DepartmentHint, RegExp]> = [
  ['account manager', /客户经理|客戶經理/],
  ['manager', /经理|經理|主管|负责人|負責人|领导|領導|老板|老闆/],
  ['sales', /销售|銷售|业务员|業務員/],
  ['billing', /财务|財務|账单|賬單|发票|發票/],
  ['support', /技术支持|技術支持|售后|售後|技术人员|技術人員|投诉|投訴/],
];

export function departmentHint(text: string): DepartmentHint | null {
  for (const [hint, pattern] of CHINESE) if (pattern.test(text)) return hint;
  const normalized = ` ${normalizedMessage(text)} `;
  for (const [role, pattern] of ROLES) if (pattern.test(normalized)) return role;
  for (const [team, pattern] of TEAMS) if (pattern.test(normalized)) return team;
  const named = NAMED.exec(text);
  if (named && !NOT_NAMES.has(named[1]!.split(' ')[0]!)) return named[1]!;
  return null;
}
