// Helpers shared by the bench/*.bench.mjs scripts: loopback ports, child processes in their own
// process group (always killed at the end), bounded polling for the first HTTP 200.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LOOPBACK = '127.0.0.1';

/** Placeholders that are never contacted: the API must not reach outside loopback during a bench. */
export const OFFLINE_ENV = { WECHAT_API_BASE: 'http://127.0.0.1:9', REDIS_URL: '' };

const groups = new Set();
const tempDirs = new Set();

function killAllSync() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  groups.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllSync();
    process.exit(130);
  });
}

/** An integer setting from the environment (BENCH_SECONDS …): `fallback` when unset, an error when below `min`. */
export const intEnv = (name, fallback, min) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A temporary directory removed when the process exits. */
export function tempDir(prefix = 'zg-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** A TCP port free on loopback right now (the kernel picks it). */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, LOOPBACK, () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * Spawns a command as the leader of a new process group, its stdout and stderr going to `logFile`.
 * Returns { child, pid, logFile, exited (promise of {code, signal}), stop() }.
 */
export function startGroup(command, args, { env, cwd = root, logFile }) {
  const fd = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  groups.add(child.pid);
  let exitInfo = null;
  const exited = new Promise((res) =>
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      res(exitInfo);
    }),
  );
  const handle = {
    child,
    pid: child.pid,
    logFile,
    exited,
    get exitInfo() {
      return exitInfo;
    },
    /** SIGTERM to the whole group, then SIGKILL whatever is left after `graceMs`. Bounded. */
    async stop(graceMs = 5000) {
      signalGroup(child.pid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (Date.now() < deadline && groupAlive(child.pid)) await sleep(50);
      if (groupAlive(child.pid)) signalGroup(child.pid, 'SIGKILL');
      for (let i = 0; i < 40 && groupAlive(child.pid); i++) await sleep(50);
      groups.delete(child.pid);
    },
  };
  return handle;
}

function signalGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {
    /* ESRCH: the group is gone */
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The last `n` lines of a log file, for error messages. */
export function tail(file, n = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

export function fileSize(file) {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** One GET on loopback; resolves the status code (0 on a connection error or timeout). */
export function getStatus(port, path, timeoutMs = 2000) {
  return new Promise((res) => {
    const req = request({ host: LOOPBACK, port, path, method: 'GET', agent: false, timeout: timeoutMs }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
      r.on('error', () => res(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => res(0));
    req.end();
  });
}

/**
 * Polls GET `path` every `intervalMs` until it answers 200; resolves performance.now() of that
 * answer. Rejects after `timeoutMs`, or as soon as `proc` (a startGroup handle) has exited.
 */
export async function waitFor200(port, path, { timeoutMs = 120_000, intervalMs = 25, proc, seen } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc?.exitInfo) throw new Error(`process exited (${JSON.stringify(proc.exitInfo)}) before ${path} answered 200\n${tail(proc.logFile)}`);
    const status = await getStatus(port, path);
    if (status === 200) return performance.now();
    // Answers other than 200 (0 = no connection), for diagnosing a late 200.
    if (seen && status !== 0) seen.set(status, (seen.get(status) ?? 0) + 1);
    await sleep(intervalMs);
  }
  throw new Error(`no 200 from ${path} within ${timeoutMs} ms${proc ? `\n${tail(proc.logFile)}` : ''}`);
}

/**
 * CPU seconds (user + system) used so far by the live processes of process group `pgid`, read from
 * /proc (Linux; null elsewhere). Assumes USER_HZ = 100, as on every common Linux build.
 */
export function groupCpuSeconds(pgid) {
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  let ticks = 0;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / 100;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Prints rows (arrays of strings) as an aligned table; the first row is the header. */
export function printTable(rows, rightAlignFrom = 1) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i >= rightAlignFrom ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

/** An environment for the API built from scratch: no stray settings inherited from the caller. */
export function cleanEnv(extra) {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ', 'npm_config_cache'];
  const env = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return { ...env, ...OFFLINE_ENV, ...extra };
}

/** mulberry32: a small seeded generator, so every run draws the same data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One value of [value, weight] pairs, drawn with `rand`. */
export function weighted(rand, pairs) {
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
}

/** A JSON client of the API at `base`: (method, path, token?, body?) → { status, body, ms }. */
export function apiClient(base) {
  return async (method, path, token, body) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, ms: performance.now() - t0 };
  };
}

/** Runs `fn` over `items` with at most `n` at a time; the results in the items' order. */
export async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** The body of an answer that succeeded; throws with the status and the start of the body otherwise. */
export function okBody(r, what) {
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}
