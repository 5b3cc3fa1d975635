#!/usr/bin/env node
/**
 * `npm run edge`: Varnish in the foreground in front of the origins: writes origins.vcl into a work folder, runs
 * `varnishd -F` with deploy/varnish/default.vcl, and stops it cleanly on SIGINT or SIGTERM (docs/operations/edge.md).
 *
 *   EDGE_PORT=8080 EDGE_ORIGINS=127.0.0.1:3000,127.0.0.1:3001 npm run edge
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { originsVcl, readEdgeConfig } from '../lib/edge-config.mjs';

const VCL = path.resolve(import.meta.dirname, '../../deploy/varnish/default.vcl');

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

/** The work folder (EDGE_WORKDIR, else a temporary one) with origins.vcl written in its vcl/ folder. */
function prepareWorkDir(config) {
  const workDir = config.workDir ? path.resolve(config.workDir) : mkdtempSync(path.join(os.tmpdir(), 'aju-edge-'));
  mkdirSync(workDir, { recursive: true });
  // varnishd's compiler runs as Varnish's own user when started as root: it must read the generated file.
  chmodSync(workDir, 0o755);
  const vclDir = path.join(workDir, 'vcl');
  mkdirSync(vclDir, { recursive: true });
  writeFileSync(path.join(vclDir, 'origins.vcl'), originsVcl(config));
  return { workDir, vclDir };
}

function varnishdArgs(config, workDir, vclDir) {
  const listen = `${config.listenHost.includes(':') ? `[${config.listenHost}]` : config.listenHost}:${config.port}`;
  const args = ['-F', '-n', path.join(workDir, 'varnish'), '-a', listen, '-f', VCL];
  args.push('-p', `vcl_path=${vclDir}:${path.dirname(VCL)}`, '-s', config.storage);
  // The management port on loopback only, at a free port: `varnishadm -n <work folder>/varnish` finds it
  // (and the secret) in the work folder, for backend.list, ban.list and the like.
  args.push('-T', '127.0.0.1:0');
  // Anything else for varnishd, e.g. EDGE_VARNISHD_ARGS="-p thread_pool_max=1000".
  args.push(...(process.env.EDGE_VARNISHD_ARGS ?? '').split(/\s+/).filter(Boolean));
  // As root, varnishd drops to its own user (Debian's package creates it); anyone else runs it as is.
  if (process.getuid?.() !== 0) args.push('-j', 'none');
  return args;
}

/** Starts varnishd; this process exits with it, removing a work folder it made, and passes it SIGINT and SIGTERM. */
function runVarnishd(varnishd, args, cleanUp) {
  const child = spawn(varnishd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  let stopping = false;
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
  return child;
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
  const { workDir, vclDir } = prepareWorkDir(config);
  const cleanUp = () => {
    if (!config.workDir) rmSync(workDir, { recursive: true, force: true });
  };
  const child = runVarnishd(varnishd, varnishdArgs(config, workDir, vclDir), cleanUp);
  await waitForPort(config.listenHost.replace(/^0\.0\.0\.0$|^::$/, ''), config.port, child);
  const origins = config.origins.map((o) => `${o.host}:${o.port}`).join(', ');
  console.log(
    `Edge (Varnish) on http://${config.listenHost || 'localhost'}:${config.port} in front of ${origins}; logs: varnishlog -n ${path.join(workDir, 'varnish')} (varnishadm -n … backend.list for origin health)`,
  );
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
