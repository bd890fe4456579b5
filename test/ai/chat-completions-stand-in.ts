import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in received: the Chat Completions request body, as the SDK sent it. */
export interface ChatCompletionsCall {
  model: string;
  messages: Array<{ role: string; content: string }>;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
  temperature?: number;
  authorization: string | null;
}

/** How the stand-in answers one request. */
export type StandInReply =
  | { text: string }
  | { tool: string; arguments: Record<string, unknown> }
  | { status: number }
  /** Never answers (the connection stays open until the client gives up). */
  | { hang: true };

/**
 * A local stand-in for an OpenAI-compatible endpoint (POST
 * /v1/chat/completions): answers with text or a tool call and reports usage,
 * as OpenAI, Ollama and vLLM do. `reply` decides per request (by model name,
 * message…); every request is recorded.
 */
export async function startChatCompletionsStandIn(reply: (call: ChatCompletionsCall) => StandInReply | Promise<StandInReply>) {
  const calls: ChatCompletionsCall[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(raw) as Omit<ChatCompletionsCall, 'authorization'>;
      const call: ChatCompletionsCall = { ...body, authorization: req.headers.authorization ?? null };
      calls.push(call);
      const answer = await reply(call);
      res.setHeader('content-type', 'application/json');
      if ('hang' in answer) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if ('status' in answer) {
        res.statusCode = answer.status;
        res.end(JSON.stringify({ error: { message: 'the model is down', type: 'server_error' } }));
        return;
      }
      const message =
        'text' in answer
          ? { role: 'assistant', content: answer.text }
          : {
              role: 'assistant',
              content: null,
              tool_calls: [{ id: `call_${calls.length}`, type: 'function', function: { name: answer.tool, arguments: JSON.stringify(answer.arguments) } }],
            };
      res.end(
        JSON.stringify({
          id: `chatcmpl-${calls.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: call.model,
          choices: [{ index: 0, message, finish_reason: 'text' in answer ? 'stop' : 'tool_calls' }],
          usage: { prompt_tokens: 120, completion_tokens: 17, total_tokens: 137 },
        }),
      );
    });
  });
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The base URL a bot's assistant config names. */
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    /** TCP connections opened to it so far (a client that keeps connections alive opens few). */
    connections: () => connections,
    callsFor: (model: string) => calls.filter((call) => call.model === model),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
