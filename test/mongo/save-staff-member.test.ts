import { describe, expect, it, vi } from 'vitest';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { twoReplicaStores } from '../support/two-replicas.js';
import { mongoStaff } from '../../adapters/mongo/mongo-staff.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';

const replicas = twoReplicaStores();

describe('the staff member behind a platform user', () => {
  it('is found again by the id this replica knew, with the name the platform gives now', async () => {
    const store = replicas.a();
    const staff = mongoStaff(store);
    const first = await saveStaffMember({ staff }, { slackUserId: 'U_SAME' }, { name: 'Ana' }, OPERATOR_TENANT);
    const again = await saveStaffMember({ staff }, { slackUserId: 'U_SAME' }, { name: 'Ana Lima', email: 'Ana@Example.com' }, OPERATOR_TENANT);
    expect(again.id).toBe(first.id);
    expect(again.name).toBe('Ana Lima');
    expect(again.email).toBe('ana@example.com');
    expect(await store.staff.countDocuments({ slackUserId: 'U_SAME' })).toBe(1);
  });

  it('is looked up afresh when the one this replica knew was removed, and another replica has made it since', async () => {
    const [a, b] = [replicas.a(), replicas.b()];
    const [staffA, staffB] = [mongoStaff(a), mongoStaff(b)];
    const known = await saveStaffMember({ staff: staffA }, { teamsUserId: 'T_GONE' }, { name: 'Bo' }, OPERATOR_TENANT);
    await b.staff.deleteOne({ _id: known.id });
    const remade = await saveStaffMember({ staff: staffB }, { teamsUserId: 'T_GONE' }, { name: 'Bo' }, OPERATOR_TENANT);
    expect(remade.id).not.toBe(known.id);

    const seenByA = await saveStaffMember({ staff: staffA }, { teamsUserId: 'T_GONE' }, { name: 'Bo Chen' }, OPERATOR_TENANT);
    expect(seenByA.id).toBe(remade.id);
    expect(seenByA.name).toBe('Bo Chen');
    expect(await a.staff.countDocuments({ teamsUserId: 'T_GONE' })).toBe(1);
  });

  it('is found by _id after a start, not by reading the staff collection for their platform id', async () => {
    const store = replicas.a();
    const before = await saveStaffMember({ staff: mongoStaff(store) }, { slackUserId: 'U_RESTART' }, { name: 'Cy' }, OPERATOR_TENANT);
    // a new process: its own memory of identities is empty
    const afterStart = mongoStaff(store);
    const byFilter = [vi.spyOn(store.staff, 'findOne'), vi.spyOn(store.staff, 'findOneAndUpdate')];
    try {
      const again = await saveStaffMember({ staff: afterStart }, { slackUserId: 'U_RESTART' }, { name: 'Cy' }, OPERATOR_TENANT);
      expect(again.id).toBe(before.id);
      for (const spy of byFilter) expect(spy.mock.calls.filter(([filter]) => filter && 'slackUserId' in filter)).toEqual([]);
    } finally {
      for (const spy of byFilter) spy.mockRestore();
    }
  });

  it('stored before identities were recorded, is found by their platform id once and by _id from then on', async () => {
    const store = replicas.b();
    await store.staff.create({ _id: 'st_legacy', name: 'Di', slackUserId: 'U_LEGACY', tenant: OPERATOR_TENANT });
    const found = await saveStaffMember({ staff: mongoStaff(store) }, { slackUserId: 'U_LEGACY' }, { name: 'Di' }, OPERATOR_TENANT);
    expect(found.id).toBe('st_legacy');
    expect(await store.staff.countDocuments({ slackUserId: 'U_LEGACY' })).toBe(1);
    const byFilter = vi.spyOn(store.staff, 'findOne');
    try {
      const again = await saveStaffMember({ staff: mongoStaff(store) }, { slackUserId: 'U_LEGACY' }, { name: 'Di' }, OPERATOR_TENANT);
      expect(again.id).toBe('st_legacy');
      expect(byFilter.mock.calls.filter(([filter]) => filter && 'slackUserId' in filter)).toEqual([]);
    } finally {
      byFilter.mockRestore();
    }
  });
});
