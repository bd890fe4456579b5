// `npm run db`: the embedded database alone, in the foreground, for running
// several service replicas on one machine against it.
import { embeddedDatabaseUri, startEmbeddedDatabase } from '../../adapters/mongo/embedded-ferretdb.js';

const dataDir = process.env.HANDOVER_DATA_DIR ?? './.data';
const listen = process.env.HANDOVER_DB_LISTEN ?? '127.0.0.1:27017';
const db = await startEmbeddedDatabase({ dataDir, listen, log: (line) => console.error(line) });
// with the pool size `npm start` uses for it (see EMBEDDED_DATABASE_POOL_SIZE)
console.log(embeddedDatabaseUri(db.uri, 'handover'));
console.error(`embedded database running (data in ${dataDir}); Ctrl-C to stop`);
const shutdown = () => void db.stop().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
