import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../i18n/messages.js';
import { packageRoot } from '../rules/read-dir.js';
import type { Locale } from '../types.js';
import type { Io } from './main.js';
import { PAGE_CSP } from './page-policy.js';

/** The page the web build writes: one self-contained file. */
const WEB_PAGE = path.join(packageRoot(), 'dist', 'web', 'index.html');
const DEFAULT_PORT = 7337;

const SERVE_HELP = {
  zh: `用法：gongwen-lint serve [--port <端口>] [--host <地址>]

在本机启动网页版检查工具（默认 http://127.0.0.1:${DEFAULT_PORT}/）。文稿只在浏览器中处理，不会发送到服务器或其他地方。

选项：
      --port <端口>   监听端口（默认 ${DEFAULT_PORT}；0 表示任选一个空闲端口）
      --host <地址>   监听地址（默认 127.0.0.1，仅本机可访问）
      --locale <zh|en> 提示语言`,
  en: `Usage: gongwen-lint serve [--port <port>] [--host <address>]

Serves the web page on this computer (default http://127.0.0.1:${DEFAULT_PORT}/). Documents are processed in the browser and sent nowhere.

Options:
      --port <port>     port (default ${DEFAULT_PORT}; 0 picks a free one)
      --host <address>  address to bind (default 127.0.0.1: this computer only)
      --locale <zh|en>  language of messages`,
};

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // frame-ancestors works only in the header (a page's meta policy cannot say it): no site may frame the page.
  'content-security-policy': `${PAGE_CSP}; frame-ancestors 'none'`,
  'x-frame-options': 'DENY',
};

/** The host name of a Host header, without its port (and brackets of an IPv6 address). */
function hostName(header: string | undefined): string {
  if (!header) return '';
  const m = /^\[([^\]]*)\](?::\d*)?$/.exec(header) ?? /^([^:]*)(?::\d*)?$/.exec(header);
  return (m?.[1] ?? header).toLowerCase();
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `page` at / (and /index.html); everything else is 404, anything but GET/HEAD is 405. On a
 * loopback address only loopback Host names are answered (421 otherwise): a web site that rebinds its
 * own name to 127.0.0.1 would otherwise reach the page from the visitor's browser.
 */
export function startServer(options: { host: string; port: number; page: string }): Promise<RunningServer> {
  const body = fs.readFileSync(options.page);
  const checkHost = isLoopback(options.host);
  const server = http.createServer((req, res) => {
    if (checkHost && !isLoopback(hostName(req.headers.host))) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected Request: only localhost names are served\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method Not Allowed\n');
      return;
    }
    if (url.pathname !== '/' && url.pathname !== '/index.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found\n');
      return;
    }
    res.writeHead(200, { ...HEADERS, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** `gongwen-lint serve`: runs until interrupted (or `stop` aborts); 2 on a usage or startup error. */
export async function serveCommand(argv: string[], io: Pick<Io, 'cwd' | 'stdout' | 'stderr'>, options: { stop?: AbortSignal; page?: string } = {}): Promise<number> {
  const { stop, page = WEB_PAGE } = options;
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    io.stderr(`gongwen-lint serve: ${(e as Error).message}\n`);
    return 2;
  }
  const locale: Locale = values.locale === 'en' ? 'en' : 'zh';
  if (values.locale !== undefined && values.locale !== 'zh' && values.locale !== 'en') {
    io.stderr(`gongwen-lint serve: --locale must be zh or en (got "${values.locale}")\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${SERVE_HELP[locale]}\n`);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port?.trim() === '') {
    io.stderr(`gongwen-lint serve: --port must be a whole number from 0 to 65535 (got "${values.port}")\n`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  if (!fs.existsSync(page)) {
    io.stderr(`gongwen-lint: ${t(locale, 'serve.missing', { file: path.relative(io.cwd, page) || page })}\n`);
    return 2;
  }
  let server: RunningServer;
  try {
    server = await startServer({ host, port, page });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`gongwen-lint: ${code === 'EADDRINUSE' ? t(locale, 'serve.inUse', { port }) : t(locale, 'serve.failed', { host, port, detail: code ?? (e as Error).message })}\n`);
    return 2;
  }
  if (!isLoopback(host)) io.stderr(`gongwen-lint: ${t(locale, 'serve.exposed', { host })}\n`);
  io.stdout(`${t(locale, 'serve.listening', { url: server.url })}\n`);
  await new Promise<void>((resolve) => {
    const finish = () => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      resolve();
    };
    stop?.addEventListener('abort', finish, { once: true });
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
  });
  await server.close();
  return 0;
}
