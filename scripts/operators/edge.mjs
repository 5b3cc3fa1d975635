#!/usr/bin/env node
/**
 * `npm run edge`: Varnish in front of the site's standalone servers, in the foreground.
 *
 *   EDGE_PORT=8080 EDGE_ORIGINS=127.0.0.1:3000,127.0.0.1:3001 npm run edge
 *
 * Writes origins.vcl (backends with a health probe, a round-robin director, the purge ACL, the Host the
 * origins see and the security headers of the edge's own answers) into a work folder, then runs
 * `varnishd -F` with deploy/varnish/default.vcl, which includes it. Stops varnishd cleanly on SIGINT or
 * SIGTERM and removes the work folder. Plain JavaScript, like standalone.mjs, so it runs where only
 * production dependencies are installed. docs/operations/configuration.md documents every variable.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { securityHeaders } from '../../next.config.js';

const root = path.resolve(import.meta.dirname, '../..');
const VCL = path.join(root, 'deploy/varnish/default.vcl');

/** `host:port` → { host, port }; IPv6 as `[::1]:3000`. */
export function parseOrigin(text) {
  const match = text.trim().match(/^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/);
  if (!match) throw new Error(`EDGE_ORIGINS: "${text}" is not host:port (for example 127.0.0.1:3000)`);
  return { host: match[1] ?? match[2], port: Number(match[3]) };
}

const vclString = (value) => {
  if (/["\n\r]/.test(value)) throw new Error(`cannot put ${JSON.stringify(value)} in a VCL string`);
  return `"${value}"`;
};

/** The generated half of the configuration: everything that depends on where the site runs. */
export function originsVcl({ origins, purgeAllow, originHost, missLimit }) {
  const backends = origins.map(
    ({ host, port }, i) => `backend origin_${i + 1} {
	.host = ${vclString(host)};
	.port = "${port}";
	.probe = origin_health;
	# Loopback or a LAN: a connection takes milliseconds, so a second means the origin is gone.
	.connect_timeout = 1s;
	# A page is a prerendered file; the slowest first answer is an image resize or a card on a busy machine.
	.first_byte_timeout = 20s;
	.between_bytes_timeout = 10s;
}`,
  );
  const acl = purgeAllow.map((entry) => {
    const [address, bits] = entry.split('/');
    return `	${vclString(address)}${bits ? `/${Number(bits)}` : ''};`;
  });
  return `# Written by scripts/operators/edge.mjs for EDGE_ORIGINS=${origins.map((o) => `${o.host}:${o.port}`).join(',')}; do not edit.
probe origin_health {
	# The origin's readiness (scripts/operators/run-origin.mjs): Next's /robots.txt while it serves, so a probe fails when
	# Next fails, and 503 from the moment it is told to stop. Two failures in a row (about 2 s) take it out,
	# within the 3 s an origin keeps serving after SIGTERM (decision 0031). A draining origin answers at once,
	# so the timeout can be generous: a busy machine's slow answer does not take a healthy origin out.
	.url = "/_origin/ready";
	.expected_response = 200;
	.interval = 1s;
	.timeout = 5s;
	.window = 3;
	.threshold = 2;
	.initial = 2;
}

${backends.join('\n\n')}

acl purgers {
${acl.join('\n')}
}

sub vcl_init {
	new origins = directors.round_robin();
${origins.map((_, i) => `	origins.add_backend(origin_${i + 1});`).join('\n')}
}

sub edge_origin_host {
	set bereq.http.Host = ${vclString(originHost)};
}

# Misses (and passes) per client address (decision 0033): EDGE_MISS_LIMIT=${missLimit ? `${missLimit.count}/${missLimit.seconds}s` : '0'}.
sub edge_throttle_misses {
${
  missLimit
    ? `	if (vsthrottle.is_denied("miss " + client.ip, ${missLimit.count}, ${missLimit.seconds}s, ${missLimit.seconds}s)) {
		set req.http.X-Edge-Retry-After = "${missLimit.seconds}";
		return (synth(429, "Too Many Requests"));
	}`
    : '	# off'
}
}

sub edge_security_headers {
${securityHeaders.map(({ key, value }) => `	set resp.http.${key} = ${vclString(value)};`).join('\n')}
}
`;
}

/**
 * Misses one client address may cause in a window before it gets 429 for the rest of it: generous for people
 * (a cold page view is a dozen misses; an office shares one address), far below a flood.
 */
export const DEFAULT_MISS_LIMIT = '200/10s';

/** `count/seconds` (for example `200/10s`) → { count, seconds }; `0` or `off` → undefined (no limit). */
export function parseMissLimit(text) {
  if (/^\s*(0|off)\s*$/i.test(text)) return undefined;
  const match = text.trim().match(/^(\d+)\s*\/\s*(\d+)s?$/);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`EDGE_MISS_LIMIT: "${text}" is not misses/seconds (for example 200/10s), 0 or off`);
  }
  return { count: Number(match[1]), seconds: Number(match[2]) };
}

/** @param {Record<string, string | undefined>} env */
export function readEdgeConfig(env = process.env) {
  const origins = (env.EDGE_ORIGINS || '127.0.0.1:3000')
    .split(',')
    .filter((s) => s.trim())
    .map(parseOrigin);
  const purgeAllow = (env.EDGE_PURGE_ALLOW || '127.0.0.1,::1')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of purgeAllow) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry))
      throw new Error(`EDGE_PURGE_ALLOW: "${entry}" is not an address or address/bits`);
  }
  const port = Number(env.EDGE_PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EDGE_PORT: "${env.EDGE_PORT}" is not a port`);
  const missLimit = parseMissLimit(env.EDGE_MISS_LIMIT ?? DEFAULT_MISS_LIMIT);
  let originHost = 'www.ajupress.com';
  if (env.SITE_URL) originHost = new URL(env.SITE_URL).host;
  return {
    origins,
    purgeAllow,
    missLimit,
    port,
    listenHost: env.EDGE_HOST || '',
    originHost,
    storage: env.EDGE_STORAGE || 'malloc,256m',
    workDir: env.EDGE_WORKDIR,
  };
}

function findVarnishd() {
  for (const candidate of [process.env.VARNISHD, 'varnishd', '/usr/sbin/varnishd'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-V'], { stdio: 'ignore' });
    if (!probe.error && probe.status === 0) return candidate;
  }
  console.error(
    'No varnishd found: install Varnish 7 (Debian: sudo apt-get install -y varnish), or set VARNISHD to its path.',
  );
  process.exit(1);
}

function waitForPort(host, port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`varnishd exited with ${child.exitCode}`));
      const socket = net.connect({ host: host || '127.0.0.1', port }, () => {
        socket.destroy();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`varnishd did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function main() {
  const config = readEdgeConfig();
  const varnishd = findVarnishd();
  const ownWorkDir = !config.workDir;
  const workDir = config.workDir ? path.resolve(config.workDir) : mkdtempSync(path.join(os.tmpdir(), 'aju-edge-'));
  mkdirSync(workDir, { recursive: true });
  // varnishd's compiler runs as Varnish's own user when started as root: it must read the generated file.
  chmodSync(workDir, 0o755);
  const vclDir = path.join(workDir, 'vcl');
  mkdirSync(vclDir, { recursive: true });
  writeFileSync(path.join(vclDir, 'origins.vcl'), originsVcl(config));

  const listen = `${config.listenHost.includes(':') ? `[${config.listenHost}]` : config.listenHost}:${config.port}`;
  const args = [
    '-F',
    '-n',
    path.join(workDir, 'varnish'),
    '-a',
    listen,
    '-f',
    VCL,
    '-p',
    `vcl_path=${vclDir}:${path.dirname(VCL)}`,
    '-s',
    config.storage,
    // The management port on loopback only, at a free port: `varnishadm -n <work folder>/varnish` finds it
    // (and the secret) in the work folder, for backend.list, ban.list and the like.
    '-T',
    '127.0.0.1:0',
  ];
  // Anything else for varnishd, e.g. EDGE_VARNISHD_ARGS="-p thread_pool_max=1000".
  args.push(...(process.env.EDGE_VARNISHD_ARGS ?? '').split(/\s+/).filter(Boolean));
  // As root, varnishd drops to its own user (Debian's package creates it); anyone else runs it as is.
  if (process.getuid?.() !== 0) args.push('-j', 'none');

  const child = spawn(varnishd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  let stopping = false;
  const cleanUp = () => {
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      if (child.exitCode === null) child.kill('SIGTERM');
    });
  }
  child.on('exit', (code, signal) => {
    cleanUp();
    process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
  });
  child.on('error', (error) => {
    console.error(`varnishd: ${error.message}`);
    cleanUp();
    process.exit(1);
  });

  await waitForPort(config.listenHost.replace(/^0\.0\.0\.0$|^::$/, ''), config.port, child);
  const origins = config.origins.map((o) => `${o.host}:${o.port}`).join(', ');
  console.log(
    `Edge (Varnish) on http://${config.listenHost || 'localhost'}:${config.port} in front of ${origins}; logs: varnishlog -n ${path.join(workDir, 'varnish')} (varnishadm -n … backend.list for origin health)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
