/**
 * `onrecord serve` as the README's quick start runs it: ingest the sample pages, serve them on
 * 127.0.0.1 (the default) on a free port, print the address, stop cleanly on SIGTERM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'onrecord.js');

test('serve: the sample pages on 127.0.0.1, address printed, pages and API answer, SIGTERM stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-serve-'));
  try {
    const db = join(dir, 'samples.db');
    const ingest = spawnSync(process.execPath, [BIN, 'ingest', '--db', db, join(ROOT, 'samples', 'pages')], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(ingest.status, 0, ingest.stderr);

    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Everything after the spawn stops the server when it ends, a missing banner too: a server
    // left running keeps this test file from ever finishing.
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no address printed; stderr: ${stderr}`)), 60_000);
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('\n')) {
            clearTimeout(timer);
            resolve(out.split('\n')[0]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const m = line.match(/serving .* \(5 articles, \d+ quotes\) at (http:\/\/127\.0\.0\.1:\d+)\/$/);
      assert.ok(m, `address line: ${line}`);
      const base = m[1]!;
      const home = await fetch(base + '/');
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.match(await home.text(), /Latest articles/);
      const articles = (await (await fetch(base + '/api/articles')).json()) as { items: { id: number; title: string }[]; next: string | null };
      assert.equal(articles.items.length, 5);
      const article = await fetch(`${base}/articles/${articles.items[0]!.id}`);
      assert.match(await article.text(), /<mark class="quote sp-0"/);
      // On loopback it answers only to loopback names (fetch cannot set Host; node:http can).
      const rebound = await new Promise<number>((resolve, reject) =>
        request(base + '/api/articles', { headers: { host: 'rebind.attacker.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end(),
      );
      assert.equal(rebound, 421);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --workers 2: one address printed, requests answered, SIGTERM stops every process', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-serve-'));
  try {
    const db = join(dir, 'empty.db');
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner; stderr: ${stderr}`)), 60_000);
        child.stdout.on('data', (d) => {
          stdout += d;
          if (/2 server processes\n/.test(stdout)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      assert.equal(stdout.match(/serving /g)?.length, 1, 'the address is printed once');
      const base = stdout.match(/at (http:\/\/127\.0\.0\.1:\d+)\//)![1]!;
      // Fresh connections are handed round the processes.
      const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(base + '/api/articles', { headers: { connection: 'close' } })));
      assert.ok(answers.every((r) => r.status === 200));
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
    // No worker is left holding the port.
    const base = stdout.match(/at (http:\/\/127\.0\.0\.1:\d+)\//)![1]!;
    await assert.rejects(fetch(base + '/api/articles', { signal: AbortSignal.timeout(5000) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve: bad options are refused with a message naming them', () => {
  const port = spawnSync(process.execPath, [BIN, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
  assert.notEqual(port.status, 0);
  assert.match(port.stderr, /--port must be a whole number/);
  const token = spawnSync(process.execPath, [BIN, 'serve', '--admin-token', 'short', '--db', join(tmpdir(), 'never-created.db')], { encoding: 'utf8' });
  assert.equal(token.status, 1);
  assert.match(token.stderr, /--admin-token must be at least 8 characters/);
  const workers = spawnSync(process.execPath, [BIN, 'serve', '--workers', '0'], { encoding: 'utf8' });
  assert.notEqual(workers.status, 0);
  assert.match(workers.stderr, /--workers must be a whole number from 1 to 64/);
});
