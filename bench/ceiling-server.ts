// The floor any customer turn pays: a minimal Node HTTP server doing one
// insertOne per request into the same database the service uses. With
// MODEL_URL, the floor of an AI assistant's turn: the request's text asked
// of that Chat Completions endpoint first, through the official SDK and the
// service's own fetch, then the answer inserted.
import { createServer } from 'node:http';
import { MongoClient } from 'mongodb';
import OpenAI from 'openai';
import { nodeHttpFetch } from '../adapters/llm/node-http-fetch.js';

// the pool size comes from the URI: the bench runs one with the driver's default and one as the service connects
const client = await MongoClient.connect(process.env.MONGODB_URI!);
const collection = client.db().collection('ceiling');
const model = process.env.MODEL_URL ? new OpenAI({ baseURL: process.env.MODEL_URL, apiKey: 'no-key', maxRetries: 0, fetch: nodeHttpFetch() }) : null;
const answer = async (text: string) => {
  if (!model) return null;
  const completion = await model.chat.completions.create({ model: 'ceiling', messages: [{ role: 'user', content: text }] }, { timeout: 2_000 });
  return completion.choices[0]?.message.content ?? null;
};
const server = createServer((req, res) => {
  if (req.method === 'GET') return void res.end('ready');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string };
      const reply = await answer(body.text);
      const { insertedId } = await collection.insertOne({ text: body.text, reply, at: new Date() });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: insertedId, reply }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => void client.close().then(() => process.exit(0)));
