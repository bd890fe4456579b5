// Embed the chat on any page with one tag:
//   <script src="https://YOUR-HOST/widget.js" data-bot="demo" async></script>
// It adds a button that opens the chat in a frame served by this service
// (the site must be listed in HANDOVER_WIDGET_ORIGINS to frame it).
(() => {
  const script = document.currentScript;
  const origin = new URL(script.src).origin;
  const bot = script.dataset.bot || 'demo';
  const label = script.dataset.label || 'Chat with us';

  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483000;padding:12px 18px;border:0;border-radius:24px;background:#1f6feb;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.25)';

  const frame = document.createElement('iframe');
  frame.title = label;
  frame.src = `${origin}/?bot=${encodeURIComponent(bot)}`;
  frame.hidden = true;
  frame.style.cssText = 'position:fixed;right:16px;bottom:72px;z-index:2147483000;width:min(380px,calc(100vw - 32px));height:min(600px,calc(100vh - 96px));border:0;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.3);background:#fff';

  button.addEventListener('click', () => {
    frame.hidden = !frame.hidden;
    button.setAttribute('aria-expanded', String(!frame.hidden));
  });
  document.body.append(frame, button);
})();
