/**
 * The line protocol on <releases>/origins.sock between `npm run deploy` (asks) and `npm run origins` (rolls):
 * the client sends `roll`, the supervisor answers progress lines, then `ok <ms>` or `failed <why>`.
 * Both sides live here (docs/operations/deploys.md, decision 0032). Plain JavaScript, Node's modules.
 */
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Where `npm run origins` listens for `npm run deploy`: a Unix socket beside the releases. */
export const controlSocketPath = (releases) => path.join(releases, 'origins.sock');

/** Answers `roll` on one connection: `roll(say)` resolves with the ms it took or throws why it failed. */
function answerControl(connection, roll) {
  connection.setEncoding('utf8');
  let buffer = '';
  connection.on('data', async (chunk) => {
    buffer += chunk;
    if (!buffer.includes('\n')) return;
    const command = buffer.trim();
    buffer = '';
    if (command !== 'roll') return connection.end(`failed unknown command ${command}\n`);
    try {
      const ms = await roll((line) => connection.write(`${line}\n`));
      connection.end(`ok ${ms}\n`);
    } catch (error) {
      connection.end(`failed ${error.message}\n`);
    }
  });
  connection.on('error', () => {});
}

/** The supervisor's side: listens on `socketPath` and calls `roll(say)` for each `roll` asked. */
export function serveControl(socketPath, roll) {
  // A socket left by a supervisor that died: nothing answers on it.
  if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  const control = net.createServer((connection) => answerControl(connection, roll));
  control.listen(socketPath);
  return control;
}

/**
 * The deploy's side: asks the supervisor on `socketPath` to roll; `progress` gets its progress lines. Resolves with
 * { ok, ms } or { ok: false, message, absent } (`absent`: no supervisor listens there).
 */
export function requestRoll(socketPath, progress) {
  return new Promise((resolve) => {
    const connection = net.connect(socketPath);
    let buffer = '';
    let outcome;
    connection.setEncoding('utf8');
    connection.on('connect', () => connection.write('roll\n'));
    connection.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (line.startsWith('ok ')) outcome = { ok: true, ms: Number(line.slice(3)) };
        else if (line.startsWith('failed ')) outcome = { ok: false, message: line.slice(7) };
        else progress(line);
      }
    });
    connection.on('error', (error) =>
      resolve({ ok: false, absent: ['ENOENT', 'ECONNREFUSED'].includes(error.code), message: error.message }),
    );
    connection.on('close', () => resolve(outcome ?? { ok: false, message: 'the supervisor closed the connection' }));
  });
}
