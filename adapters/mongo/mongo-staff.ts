import type { StaffRepository } from '../../src/ports/staff-repository.js';
import type { HandoverStore } from './handover-store.js';
import { toStaffMember } from './to-domain.js';
import { insertBatched } from './batched-writes.js';

export function mongoStaff(store: HandoverStore): StaffRepository {
  /**
   * Staff ids by platform identity, as this process has found them; others
   * are read from staffIdentities by _id. The embedded FerretDB finds a
   * document by its _id through the index, and by any other field by reading
   * the whole collection: every Slack click looks its staff member up, and
   * after a start every member is one this process has not seen.
   */
  const idsByIdentity = new Map<string, string>();

  /** An insert (shared with the burst's other first clicks) unless the identity was recorded for someone since removed. */
  const recordIdentity = async (key: string, staffId: string, recorded: boolean) => {
    if (!recorded && (await insertBatched(store.staffIdentities, { _id: key, staffId })) === 'inserted') return;
    await store.staffIdentities.updateOne({ _id: key }, { $set: { staffId } }, { upsert: true });
  };

  const storedIdOf = async (key: string) => idsByIdentity.get(key) ?? (await store.staffIdentities.findById(key).lean())?.staffId;

  return {
    async find(staffId) {
      const doc = await store.staff.findById(staffId).lean();
      return doc ? toStaffMember(doc) : null;
    },
    async saveByIdentity(identity, profile, newId) {
      const refresh = { $set: { name: profile.name, tenant: profile.tenant, ...(profile.email ? { email: profile.email } : {}) } };
      const key = 'slackUserId' in identity ? `slack:${identity.slackUserId}` : `teams:${identity.teamsUserId}`;
      const knownId = await storedIdOf(key);
      // the identity is checked here: a staff member removed since (or their record changed) is looked up (or created) afresh
      const known = knownId ? await store.staff.findById(knownId).lean() : null;
      const stillTheirs = known && Object.entries(identity).every(([field, value]) => known[field as keyof typeof known] === value);
      // most clicks change nothing: read, and write only what the platform now says differently
      if (stillTheirs && known.name === profile.name && known.tenant === profile.tenant && (!profile.email || known.email === profile.email)) {
        idsByIdentity.set(key, known._id);
        return toStaffMember(known);
      }
      const refreshed = stillTheirs ? await store.staff.findOneAndUpdate({ _id: knownId }, refresh, { returnDocument: 'after' }).lean() : null;
      // by identity: a member stored before staffIdentities existed is found (and then recorded) here, once
      const doc =
        refreshed ??
        (await store.staff.findOneAndUpdate(identity, { ...refresh, $setOnInsert: { _id: newId() } }, { upsert: true, returnDocument: 'after' }).lean());
      if (doc!._id !== knownId) await recordIdentity(key, doc!._id, knownId !== undefined);
      idsByIdentity.set(key, doc!._id);
      return toStaffMember(doc!);
    },
    async findInTenant(reference, tenant) {
      const doc = await store.staff
        .findOne({ $or: [{ _id: reference }, { slackUserId: reference }, { teamsUserId: reference }, { email: reference.toLowerCase() }], tenant })
        .lean();
      return doc ? toStaffMember(doc) : null;
    },
    async availableStaff(tenant) {
      return (await store.staff.find({ available: true, tenant }).sort({ _id: 1 }).lean()).map(toStaffMember);
    },
    async updatePreferences(staffId, changes) {
      const doc = await store.staff.findOneAndUpdate({ _id: staffId }, { $set: changes }, { returnDocument: 'after' }).lean();
      return doc ? toStaffMember(doc) : null;
    },
    async rememberLastConversation(staffId, conversationId) {
      await store.staff.updateOne({ _id: staffId }, { $set: { lastConversationId: conversationId } });
    },
    async lastConversationOf(staffId) {
      return (await store.staff.findById(staffId, { lastConversationId: 1 }).lean())?.lastConversationId ?? null;
    },
    async adoptUntenanted(platform, tenant) {
      const identity = platform === 'slack' ? 'slackUserId' : 'teamsUserId';
      const { modifiedCount } = await store.staff.updateMany({ tenant: null, [identity]: { $ne: null } }, { $set: { tenant } });
      return modifiedCount;
    },
    async teamsPersonalChatOf(staffId) {
      return (await store.staff.findById(staffId, { teamsPersonalChat: 1 }).lean())?.teamsPersonalChat ?? null;
    },
    async setTeamsPersonalChat(staffId, reference) {
      await store.staff.updateOne({ _id: staffId }, { $set: { teamsPersonalChat: JSON.parse(JSON.stringify(reference)) } });
    },
  };
}
