import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How the stand-in answers the next verifications. */
export type ProviderBehaviour =
  'accept' | 'reject' | 'never-answer' | 'server-error' | 'malformed-json' | 'refuse-secret';

export interface ReceivedVerification {
  secret: string | null;
  response: string | null;
  remoteip: string | null;
  contentType: string | undefined;
}

export interface CaptchaProviderStandIn {
  /** Pass as CAPTCHA_VERIFY_URL. */
  readonly url: string;
  /** Pass as CAPTCHA_SCRIPT_URL: the stand-in widget (see WIDGET_SCRIPT). */
  readonly scriptUrl: string;
  readonly received: ReceivedVerification[];
  behave(behaviour: ProviderBehaviour): void;
  /** `false`: the widget script answers 503, as a provider that is down. */
  serveWidget(serve: boolean): void;
  stop(): Promise<void>;
}

/** Tokens the stand-in widget hands out start with this. */
export const STAND_IN_TOKEN_PREFIX = 'stand-in-token-';

/**
 * A tiny widget in the providers' explicit-rendering API (`render(container, { sitekey,
 * callback })`, `reset(id)`), installed as both `turnstile` and `hcaptcha`: it shows a
 * line of text in the container and, like an invisible challenge, calls back with a
 * fresh token at once (and again after each reset).
 */
const WIDGET_SCRIPT = `(function () {
  var widgets = {};
  var next = 0;
  function issue(id) {
    var widget = widgets[id];
    setTimeout(function () {
      widget.params.callback('${STAND_IN_TOKEN_PREFIX}' + id + '-' + (++widget.issued));
    }, 0);
  }
  var api = {
    render: function (container, params) {
      var id = String(++next);
      var box = document.createElement('p');
      box.setAttribute('data-stand-in-widget', params.sitekey);
      box.textContent = 'Stand-in check for ' + params.sitekey;
      container.appendChild(box);
      widgets[id] = { params: params, issued: 0 };
      issue(id);
      return id;
    },
    reset: function (id) { if (widgets[id]) issue(id); },
    remove: function (id) { delete widgets[id]; },
  };
  window.turnstile = api;
  window.hcaptcha = api;
})();
`;

/**
 * A local HTTP server standing in for a CAPTCHA provider's siteverify endpoint (the
 * only thing the CAPTCHA tests mock): it answers as Turnstile and hCaptcha do, or fails
 * in the ways a real provider can.
 */
export async function startCaptchaProvider(): Promise<CaptchaProviderStandIn> {
  let behaviour: ProviderBehaviour = 'accept';
  let widget = true;
  const received: ReceivedVerification[] = [];
  const sockets = new Set<Socket>();
  const answer = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url?.startsWith('/widget.js')) {
      if (!widget) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        return res.end('down');
      }
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(WIDGET_SCRIPT);
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      received.push({
        secret: form.get('secret'),
        response: form.get('response'),
        remoteip: form.get('remoteip'),
        contentType: req.headers['content-type'],
      });
      switch (behaviour) {
        case 'accept':
          return answer(res, 200, JSON.stringify({ success: true, 'error-codes': [] }));
        case 'reject':
          return answer(
            res,
            200,
            JSON.stringify({ success: false, 'error-codes': ['invalid-input-response'] }),
          );
        case 'refuse-secret':
          return answer(
            res,
            200,
            JSON.stringify({ success: false, 'error-codes': ['invalid-input-secret'] }),
          );
        case 'server-error':
          return answer(res, 502, '<html>Bad gateway</html>');
        case 'malformed-json':
          return answer(res, 200, '{"success": tru');
        case 'never-answer':
          return; // the socket stays open until the client gives up or the server stops
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/siteverify`,
    scriptUrl: `http://127.0.0.1:${port}/widget.js?render=explicit`,
    received,
    behave(next) {
      behaviour = next;
    },
    serveWidget(serve) {
      widget = serve;
    },
    stop() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
