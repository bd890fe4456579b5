import { Schema, type Model } from 'mongoose';
import type { SettingsAuditEntry, SettingsAuditRepository } from '../../src/ports/settings-audit-repository.js';
import { isDuplicateKeyError, type HandoverStore } from './handover-store.js';

/** One change of a bot's settings; _id `<botId>/<revision, 10 digits>` (bot ids have no "/"). */
interface SettingsAuditDocument extends Omit<SettingsAuditEntry, 'revision'> {
  _id: string;
  revision: number;
}

const settingsAuditSchema = new Schema<SettingsAuditDocument>(
  {
    _id: String,
    botId: { type: String, required: true },
    tenant: { type: String, required: true },
    revision: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: new Schema({ id: String, name: String }, { _id: false }), required: true },
    summary: { type: String, required: true },
  },
  { versionKey: false },
);

const auditId = (botId: string, revision: number) => `${botId}/${String(revision).padStart(10, '0')}`;

function auditModel(store: HandoverStore): Model<SettingsAuditDocument> {
  const { connection } = store;
  return (connection.models.SettingsAudit as Model<SettingsAuditDocument> | undefined) ?? connection.model<SettingsAuditDocument>('SettingsAudit', settingsAuditSchema, 'settingsAudit');
}

const toEntry = ({ _id, ...entry }: SettingsAuditDocument): SettingsAuditEntry => ({ ...entry, actor: { id: entry.actor.id, name: entry.actor.name } });

/**
 * The history of settings changes. A bot's history is read by exact _ids
 * counted down from its current revision, not by a range or a botId filter:
 * FerretDB uses its _id index for an exact _id only and would scan the whole
 * collection otherwise. A revision moved by the configuration file has no
 * entry, so a few more ids than asked for are tried.
 */
export function mongoSettingsAudit(store: HandoverStore): SettingsAuditRepository {
  const audit = auditModel(store);
  return {
    async append(entry) {
      try {
        await audit.create({ _id: auditId(entry.botId, entry.revision), ...entry });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    },
    async latest(botId, limit) {
      const bot = await store.bots.findById(botId).lean();
      const newest = bot?.revision ?? 0;
      const oldest = Math.max(1, newest - 2 * limit + 1);
      const revisions = Array.from({ length: Math.max(0, newest - oldest + 1) }, (_, i) => newest - i);
      const docs = await Promise.all(revisions.map((revision) => audit.findById(auditId(botId, revision)).lean()));
      return docs.flatMap((doc) => (doc ? [toEntry(doc)] : [])).slice(0, limit);
    },
    async ofRevision(botId, revision) {
      const doc = await audit.findById(auditId(botId, revision)).lean();
      return doc ? toEntry(doc) : null;
    },
  };
}
