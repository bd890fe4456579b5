// The floor any customer turn pays: a minimal Node HTTP server doing one
// insertOne per request into the same database the service uses.
import { createServer } from 'node:http';
import { MongoClient } from 'mongodb';

// the pool size comes from the URI: the bench runs one with the driver's default and one as the service connects
const client = await MongoClient.connect(process.env.MONGODB_URI!);
const collection = client.db().collection('ceiling');
const server = createServer((req, res) => {
  if (req.method === 'GET') return void res.end('ready');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string };
      const { insertedId } = await collection.insertOne({ text: body.text, at: new Date() });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: insertedId }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => void client.close().then(() => process.exit(0)));
