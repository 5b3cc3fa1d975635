/**
 * The edge's configuration: EDGE_* settings read and checked, and origins.vcl, the generated half of the VCL that
 * deploy/varnish/default.vcl includes (docs/operations/edge.md; every variable: docs/operations/configuration.md).
 * Plain JavaScript: `npm run edge` runs it where only production dependencies are installed.
 */
import { securityHeaders } from '../../next.config.js';
import { READY_PATH } from './origin-process.mjs';

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

/** One origin as a Varnish backend, health-probed. */
const backendVcl = ({ host, port }, i) => `backend origin_${i + 1} {
	.host = ${vclString(host)};
	.port = "${port}";
	.probe = origin_health;
	# Loopback or a LAN: a connection takes milliseconds, so a second means the origin is gone.
	.connect_timeout = 1s;
	# A page is a prerendered file; the slowest first answer is an image resize or a card on a busy machine.
	.first_byte_timeout = 20s;
	.between_bytes_timeout = 10s;
}`;

/** The purge ACL's entries: addresses, or address/bits. */
const aclVcl = (purgeAllow) =>
  purgeAllow.map((entry) => {
    const [address, bits] = entry.split('/');
    return `	${vclString(address)}${bits ? `/${Number(bits)}` : ''};`;
  });

/** The body of edge_throttle_misses: 429 past `missLimit` misses per client address (decision 0033). */
const missThrottleVcl = (missLimit) =>
  missLimit
    ? `	if (vsthrottle.is_denied("miss " + client.ip, ${missLimit.count}, ${missLimit.seconds}s, ${missLimit.seconds}s)) {
		set req.http.X-Edge-Retry-After = "${missLimit.seconds}";
		return (synth(429, "Too Many Requests"));
	}`
    : '	# off';

/** The generated half of the configuration: everything that depends on where the site runs. */
export function originsVcl({ origins, purgeAllow, originHost, missLimit }) {
  return `# Written by scripts/operators/edge.mjs for EDGE_ORIGINS=${origins.map((o) => `${o.host}:${o.port}`).join(',')}; do not edit.
probe origin_health {
	# The origin's readiness (scripts/operators/run-origin.mjs): Next's /robots.txt while it serves, so a probe fails when
	# Next fails, and 503 from the moment it is told to stop. Two failures in a row (about 2 s) take it out,
	# within the 3 s an origin keeps serving after SIGTERM (decision 0031). A draining origin answers at once,
	# so the timeout can be generous: a busy machine's slow answer does not take a healthy origin out.
	.url = "${READY_PATH}";
	.expected_response = 200;
	.interval = 1s;
	.timeout = 5s;
	.window = 3;
	.threshold = 2;
	.initial = 2;
}

${origins.map(backendVcl).join('\n\n')}

acl purgers {
${aclVcl(purgeAllow).join('\n')}
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
${missThrottleVcl(missLimit)}
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
const DEFAULT_MISS_LIMIT = '200/10s';

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
