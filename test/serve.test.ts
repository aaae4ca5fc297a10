import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type Io } from '../src/cli/main.js';
import { serveCommand, startServer } from '../src/cli/serve.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-serve-'));
const page = path.join(dir, 'index.html');
fs.writeFileSync(page, '<!doctype html><title>测试页</title>');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { out: string; err: string } {
  const unused = () => {
    throw new Error('serve does not use standard input');
  };
  const io = { cwd: dir, isTTY: false, out: '', err: '', stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s), readStdin: unused, stdoutBytes: unused };
  return io;
}

describe('startServer', () => {
  it('serves the page at / on 127.0.0.1 and nothing else', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, page });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'none'");
      await expect(res.text()).resolves.toBe('<!doctype html><title>测试页</title>');
      expect((await fetch(`${server.url}index.html`)).status).toBe(200);
      expect((await fetch(`${server.url}../etc/passwd`)).status).toBe(404);
      expect((await fetch(`${server.url}assets/app.js`)).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});

/** GET / with a given Host header (fetch does not let a page choose it; a rebinding site's browser sends its own name). */
function getWithHost(url: string, host: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    }).on('error', reject);
  });
}

describe('serve against DNS rebinding and framing', () => {
  it('answers only loopback Host names on a loopback address, and forbids framing', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, page });
    const port = new URL(server.url).port;
    try {
      expect((await getWithHost(server.url, `evil.example:${port}`)).status).toBe(421);
      expect((await getWithHost(server.url, 'evil.example')).status).toBe(421);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
        const res = await getWithHost(server.url, host);
        expect(res.status, host).toBe(200);
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
      }
    } finally {
      await server.close();
    }
  });
});

describe('gongwen-lint serve', () => {
  it('prints the address, then stops with status 0', async () => {
    const io = capture();
    const stop = new AbortController();
    const done = serveCommand(['--port', '0'], io, { stop: stop.signal, page });
    await expect.poll(() => io.out).toMatch(/^网页版已启动：http:\/\/127\.0\.0\.1:\d+\/（按 Ctrl\+C 停止）\n$/);
    const url = /http:\/\/[\d.:]+\//.exec(io.out)![0];
    expect((await fetch(url)).status).toBe(200);
    stop.abort();
    await expect(done).resolves.toBe(0);
    expect(io.err).toBe('');
  });

  it('says in one line when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const io = capture();
      await expect(serveCommand(['--port', String(port)], io, { page })).resolves.toBe(2);
      expect(io.err).toBe(`gongwen-lint: 端口 ${port} 已被占用；用 --port 换一个端口\n`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a bad port and a missing page with a message', async () => {
    const io = capture();
    await expect(serveCommand(['--port', '80a'], io, { page })).resolves.toBe(2);
    expect(io.err).toBe('gongwen-lint serve: --port must be a whole number from 0 to 65535 (got "80a")\n');
    const io2 = capture();
    await expect(serveCommand(['--locale', 'en'], io2, { page: path.join(dir, 'missing.html') })).resolves.toBe(2);
    expect(io2.err).toBe('gongwen-lint: the web page missing.html is missing; run npm run build first\n');
  });

  it('warns when bound to an address other computers can reach', async () => {
    const io = capture();
    const stop = new AbortController();
    const done = serveCommand(['--port', '0', '--host', '0.0.0.0'], io, { stop: stop.signal, page });
    await expect.poll(() => io.out).toContain('http://0.0.0.0:');
    expect(io.err).toContain('0.0.0.0 不是本机回环地址');
    stop.abort();
    await expect(done).resolves.toBe(0);
  });

  it('is reached through the CLI entry', async () => {
    const io = capture();
    await expect(run(['serve', '--help'], io)).resolves.toBe(0);
    expect(io.out).toContain('用法：gongwen-lint serve');
  });
});
