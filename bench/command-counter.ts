import { createServer, connect, type Server, type Socket } from 'node:net';
import { BSON } from 'mongodb';

const OP_MSG = 2013;

/** Per command kind (`find conversations`, `update transcriptChunks`...): how many, and documents returned or written. */
export interface CommandCounts {
  [kind: string]: { commands: number; documents: number };
}

/**
 * A loopback proxy between the service and the database that counts the
 * commands passing through it (by command and collection) and the
 * documents they return or write: what a turn asks of the database,
 * without touching the service.
 */
export async function startCommandCounter(databaseHost: string, databasePort: number): Promise<{ port: number; counts: () => CommandCounts; reset: () => void; close: () => Promise<void> }> {
  let counts: CommandCounts = {};
  const add = (kind: string, documents: number) => {
    const entry = (counts[kind] ??= { commands: 0, documents: 0 });
    entry.commands += 1;
    entry.documents += documents;
  };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(databasePort, databaseHost);
    sockets.add(client).add(upstream);
    const pending = new Map<number, string>();
    readMessages(client, (requestId, _responseTo, doc) => {
      const name = Object.keys(doc)[0] ?? '?';
      const kind = `${name} ${typeof doc[name] === 'string' ? doc[name] : ''}`.trim();
      pending.set(requestId, kind);
      const written = (doc.documents as unknown[] | undefined)?.length ?? (doc.updates as unknown[] | undefined)?.length ?? (doc.deletes as unknown[] | undefined)?.length ?? 0;
      if (written) add(kind, written);
    });
    readMessages(upstream, (_requestId, responseTo, doc) => {
      const kind = pending.get(responseTo);
      pending.delete(responseTo);
      if (!kind || /^(insert|update|delete) /.test(kind)) return;
      const cursor = doc.cursor as { firstBatch?: unknown[]; nextBatch?: unknown[] } | undefined;
      const returned = cursor ? (cursor.firstBatch ?? cursor.nextBatch ?? []).length : doc.value ? 1 : 0;
      add(kind, returned);
    });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    counts: () => structuredClone(counts),
    reset: () => void (counts = {}),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Calls `onMessage` with each OP_MSG body document read from `socket` (without consuming what is piped on). */
function readMessages(socket: Socket, onMessage: (requestId: number, responseTo: number, doc: Record<string, unknown>) => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    while (buffered.length >= 16) {
      const length = buffered.readInt32LE(0);
      if (buffered.length < length) break;
      const message = buffered.subarray(0, length);
      buffered = buffered.subarray(length);
      if (message.readInt32LE(12) !== OP_MSG || message[20] !== 0) continue;
      try {
        const bodyLength = message.readInt32LE(21);
        const doc = BSON.deserialize(message.subarray(21, 21 + bodyLength), { promoteBuffers: true }) as Record<string, unknown>;
        // document sequences (kind 1) after the body: the driver may send an insert's documents there
        const end = length - (message.readUInt32LE(16) & 1 ? 4 : 0);
        for (let offset = 21 + bodyLength; offset < end && message[offset] === 1; ) {
          const sectionEnd = offset + 1 + message.readInt32LE(offset + 1);
          const nameEnd = message.indexOf(0, offset + 5);
          const name = message.toString('utf8', offset + 5, nameEnd);
          const docs: unknown[] = [];
          for (let at = nameEnd + 1; at < sectionEnd; at += message.readInt32LE(at)) docs.push(null);
          doc[name] = docs;
          offset = sectionEnd;
        }
        onMessage(message.readInt32LE(4), message.readInt32LE(8), doc);
      } catch {
        // not a document we can read: not counted
      }
    }
  });
}
