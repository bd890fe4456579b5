// The bundled web chat: talks only to the customer HTTP API (spec §3).
const botId = new URLSearchParams(location.search).get('bot') || 'demo';
const storageKey = `handover:${botId}`;
const $ = (id) => document.getElementById(id);
const shown = new Set();
let conversation = JSON.parse(localStorage.getItem(storageKey) || 'null');
let stream = null;
let agentName = null;
/** The handover "How did we do?" is open for (null: no question on the page). */
let csatHandover = null;

const STATUS_TEXT = {
  bot: () => 'Chatting with the bot',
  waiting: () => 'Waiting for a person from the team…',
  assigned: () => `${agentName || 'Someone from the team'} joined the conversation`,
  resolved: () => 'Resolved — the bot is back',
};

function render(message) {
  if (message.id && shown.has(message.id)) return;
  if (message.id) shown.add(message.id);
  const item = document.createElement('li');
  item.className = `message message--${message.from}`;
  const who = document.createElement('span');
  who.className = 'message__who';
  who.textContent = message.from === 'agent' ? message.author?.name || agentName || 'Agent' : message.from === 'customer' ? 'You' : message.from === 'bot' ? 'Bot' : '';
  const text = document.createElement('span');
  text.textContent = message.text; // never innerHTML: customer and agent text stays text
  if (who.textContent) item.append(who);
  item.append(text);
  $('messages').append(item);
  $('greeting').hidden = true;
  item.scrollIntoView({ block: 'end' });
}

function showStatus({ status, assignee }) {
  if (assignee?.name) agentName = assignee.name;
  $('status').textContent = (STATUS_TEXT[status] || STATUS_TEXT.bot)();
  if (status !== 'waiting') showQueue(null);
  if (status !== 'resolved') closeCsat();
}

/** "You are #3 — usually answered within ~6 min": where a waiting customer stands (hidden otherwise). */
function showQueue(queue) {
  const line = $('queue');
  line.hidden = !queue;
  if (!queue) return;
  const when = queue.back
    ? `we're back ${queue.back}`
    : queue.expectedWaitMinutes
      ? `usually answered within ~${queue.expectedWaitMinutes} min`
      : "we'll answer as soon as someone is free";
  line.textContent = `You are #${queue.position} — ${when}`;
}

/** "How did we do?" after the team resolved the handover: 1-5 and an optional comment, answered once. */
function askCsat(ask) {
  if (!ask || ask.handoverId === csatHandover) return;
  csatHandover = ask.handoverId;
  $('csat-question').textContent = ask.question;
  $('csat').reset();
  $('csat').hidden = false;
  $('csat-thanks').hidden = true;
}

function closeCsat() {
  csatHandover = null;
  $('csat').hidden = true;
}

async function sendCsat() {
  const score = Number(new FormData($('csat')).get('score'));
  if (!score) return showError('Choose a score from 1 to 5.');
  const comment = $('csat-comment').value.trim();
  $('csat-send').disabled = true;
  try {
    await request('POST', `/api/v1/conversations/${conversation.conversationId}/csat`, { score, ...(comment ? { comment } : {}) });
    closeCsat();
    $('csat-thanks').hidden = false;
  } catch (error) {
    showError(error.message);
    // answered before (another tab) or no longer open: nothing left to ask
    if (/already|no satisfaction/.test(error.message)) closeCsat();
  } finally {
    $('csat-send').disabled = false;
  }
}

function showError(message) {
  $('error').textContent = message || '';
  $('error').hidden = !message;
}

async function request(method, path, body) {
  const headers = { 'content-type': 'application/json' };
  if (conversation) headers.authorization = `Bearer ${conversation.token}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(path, { method, headers, body: body && JSON.stringify(body) });
      const data = await response.json().catch(() => ({}));
      if ((response.status === 503 || response.status === 429) && attempt < 3) throw new Error('retry');
      if (!response.ok) throw Object.assign(new Error(data.error?.message || `Error ${response.status}`), { final: true });
      return data;
    } catch (error) {
      if (error.final || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

function openStream() {
  if (stream || !conversation) return;
  stream = new EventSource(`/api/v1/conversations/${conversation.conversationId}/stream?token=${encodeURIComponent(conversation.token)}`);
  stream.addEventListener('message', (event) => render(JSON.parse(event.data)));
  stream.addEventListener('status', (event) => showStatus(JSON.parse(event.data)));
  stream.addEventListener('queue', (event) => showQueue(JSON.parse(event.data)));
  stream.addEventListener('csat', (event) => askCsat(JSON.parse(event.data)));
}

async function loadHistory() {
  if (!conversation) return;
  try {
    const view = await request('GET', `/api/v1/conversations/${conversation.conversationId}`);
    view.messages.forEach(render);
    showStatus(view);
    showQueue(view.queue);
    openStream();
  } catch {
    forget();
  }
}

function forget() {
  localStorage.removeItem(storageKey);
  conversation = null;
  stream?.close();
  stream = null;
  shown.clear();
  $('messages').replaceChildren();
  $('greeting').hidden = false;
  $('csat-thanks').hidden = true;
  showStatus({ status: 'bot' });
}

async function send(text) {
  const messageId = crypto.randomUUID(); // reused by the retries in request(), so the server stores it once
  render({ id: `local-${messageId}`, from: 'customer', text });
  $('typing').hidden = false;
  try {
    const body = { text, messageId, ...(conversation ? { conversationId: conversation.conversationId } : {}) };
    const turn = await request('POST', `/api/v1/bots/${botId}/messages`, body);
    if (!conversation) {
      conversation = { conversationId: turn.conversationId, token: turn.token };
      localStorage.setItem(storageKey, JSON.stringify(conversation));
    }
    turn.replies.forEach(render);
    showStatus(turn);
    if (turn.queue !== undefined) showQueue(turn.queue);
    openStream();
  } catch (error) {
    showError(error.message);
  } finally {
    $('typing').hidden = true;
  }
}

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('text').value.trim();
  if (!text) return;
  showError('');
  $('text').value = '';
  $('counter').textContent = '0/4000';
  void send(text);
});
$('text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    $('composer').requestSubmit();
  }
});
$('text').addEventListener('input', () => {
  $('counter').textContent = `${$('text').value.length}/4000`;
});
$('new-conversation').addEventListener('click', forget);
// a plain button, not a second submit: Enter in the comment must not send the rating half-written
$('csat').addEventListener('submit', (event) => event.preventDefault());
$('csat-send').addEventListener('click', () => {
  showError('');
  void sendCsat();
});

fetch(`/api/v1/bots/${botId}`)
  .then((response) => (response.ok ? response.json() : { name: botId }))
  .then((bot) => {
    $('chat-title').textContent = bot.name;
    document.title = bot.name;
    $('greeting').textContent = `Hi! Ask ${bot.name} anything, or ask for a person.`;
  })
  .catch(() => undefined);
void loadHistory();
