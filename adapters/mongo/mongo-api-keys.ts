import type { ApiKeyRecord, ApiKeyRepository } from '../../src/ports/api-key-repository.js';
import type { HandoverStore } from './handover-store.js';

/** `_id` is the key's hash: the one lookup on every Handoff API call is an `_id` lookup, which FerretDB answers from its index. */
interface ApiKeyDocument {
  _id: string;
  keyId: string;
  botId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

function toRecord(doc: ApiKeyDocument): ApiKeyRecord {
  return { id: doc.keyId, botId: doc.botId, hash: doc._id, createdAt: doc.createdAt, revokedAt: doc.revokedAt ?? null };
}

export function mongoApiKeys(store: HandoverStore): ApiKeyRepository {
  const keys = () => store.connection.collection<ApiKeyDocument>('apiKeys');
  return {
    async add(key) {
      await keys().insertOne({ _id: key.hash, keyId: key.id, botId: key.botId, createdAt: key.createdAt, revokedAt: key.revokedAt });
    },
    async findByHash(hash) {
      const doc = await keys().findOne({ _id: hash });
      return doc ? toRecord(doc) : null;
    },
    async revoke(keyId, at) {
      // by keyId: a scan on FerretDB, acceptable for an operator's command; the write itself is by _id
      const doc = await keys().findOne({ keyId });
      if (!doc) return null;
      if (!doc.revokedAt) await keys().updateOne({ _id: doc._id, revokedAt: null }, { $set: { revokedAt: at } });
      const after = await keys().findOne({ _id: doc._id });
      return after ? toRecord(after) : null;
    },
    async listForBot(botId) {
      return (await keys().find({ botId }).sort({ createdAt: 1 }).toArray()).map(toRecord);
    },
  };
}
