vcl 4.1;
# The edge in front of the site's standalone servers (docs/operations/edge.md).
# `npm run edge` (scripts/operators/edge.mjs) writes origins.vcl (backends, health probe, director, purge ACL,
# security headers) for EDGE_ORIGINS and EDGE_PURGE_ALLOW, then runs varnishd with this file.
# Rules, in request order: 1. purge (PURGE / BAN) only from the purge ACL; 2. one request shape per URL (Next's
# router headers, `_rsc`, tracking parameters, cookies, odd Accept, forwarded-host headers removed); 3. the key is
# the normalised path and query (not the Host), one gzip copy and one plain; 4. only the page is stored (not flight data,
# redirects into it, errors, private answers, preview links); 5. stale pages served a day while refetching, three
# days while no origin is healthy, a short 503 page when nothing is cached and no origin answers.

import std;
import directors;
import purge;
import vsthrottle;
import xkey;

include "origins.vcl";

# Tracking parameters a shared link carries; the site reads none of them. `_rsc` is Next's cache-busting
# parameter for flight requests, which the edge never forwards (rule 2).
sub edge_strip_query {
	set req.url = regsuball(req.url, "(?i)(?<=[?&])(utm_[a-z0-9_]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|twclid|ttclid|li_fat_id|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|srsltid|oly_anon_id|oly_enc_id|vero_id|s_cid|ref_src|_rsc)(=[^&]*)?(&|$)", "");
	set req.url = regsub(req.url, "[?&]+$", "");
	set req.url = std.querysort(req.url);
}

# --- Deploys and floods (docs/operations/edge-rules.md, decisions 0031 and 0033) ---
# Only the query parameters a route reads stay in the key and reach the origin: Next's image optimiser reads
# url, w and q; the search page q and section; no other page reads any (pagination is in the path). So
# `/stories/x?cb=<random>` is the cached `/stories/x`, not a miss.
sub edge_keep_read_parameters {
	if (req.url ~ "^/_next/image\?") {
		set req.url = regsuball(req.url, "(?<=[?&])(?!(url|w|q)=)[^&]*(&|$)", "");
	} elsif (req.url ~ "^/search\?") {
		set req.url = regsuball(req.url, "(?<=[?&])(?!(q|section)=)[^&]*(&|$)", "");
	} else {
		set req.url = regsub(req.url, "\?.*$", "");
	}
	set req.url = regsub(req.url, "[?&]+$", "");
}

# After a deploy, pages an earlier release made are refreshed by themselves: every object (but the immutable
# static files and resized photos) carries the key `release-<X-Release>`, and `npm run deploy` sends
# `PURGE` with `X-Purge-Release: <names>` once the origins run the new release. A soft purge: readers get the
# stale page at once while one refetch runs (the edge's grace), never a wait.
sub edge_release_purge {
	if (req.method == "PURGE" && req.http.X-Purge-Release) {
		if (!(client.ip ~ purgers)) {
			return (synth(403, "Purge not allowed from this address"));
		}
		set req.http.X-Purged = xkey.softpurge(regsuball(req.http.X-Purge-Release, "([^\s,]+)[\s,]*", "release-\1 "));
		return (synth(200, "Purged"));
	}
}

sub edge_tag_release {
	if (beresp.http.X-Release && bereq.url !~ "^/(_next/(static|image)|fonts/)") {
		if (beresp.http.xkey) {
			set beresp.http.xkey = beresp.http.xkey + " release-" + beresp.http.X-Release;
		} else {
			set beresp.http.xkey = "release-" + beresp.http.X-Release;
		}
	}
}

# --- The breaking-news banner (docs/decisions/0050-breaking-news-by-edge-side-include.md) ---
# Every page holds `<esi:include src="/fragments/breaking-news"/>`; the edge fills it from its own copy of the
# fragment, which a publish purges (key /fragments/breaking-news) and which lives at most as long as the origin
# says (30 s, less when the banner ends sooner). No grace for it: an ended banner is never served stale.
sub edge_breaking_news {
	if (bereq.url ~ "^/fragments/") {
		set beresp.grace = 0s;
		set beresp.keep = 0s;
	} elsif (beresp.http.Content-Type ~ "(?i)^text/html") {
		set beresp.do_esi = true;
	}
}

# live.json, polled by open tabs (decision 0053): 5 s, never stale; purged with its story's page.
sub edge_live_status {
	if (bereq.url ~ "^/stories/[^/?]+/live\.json$") {
		set beresp.grace = 0s;
		set beresp.keep = 0s;
		set beresp.http.xkey = beresp.http.xkey + " " + regsub(bereq.url, "/live\.json$", "");
	}
}

# The origins' readiness path is the edge's probe's, not a reader's.
sub edge_hide_origin_paths {
	if (req.url ~ "^/_origin/") {
		return (synth(404, "Not Found"));
	}
}
# --- end deploys and floods ---

sub vcl_recv {
	set req.backend_hint = origins.backend();
	# The edge's own markers are set only here, never taken from a client (a purge restarts with them set).
	if (req.restarts == 0) {
		unset req.http.X-Edge-Plain;
		unset req.http.X-Edge-Pass;
		unset req.http.X-Purged;
		unset req.http.X-Purged-Gzip;
	}
	# An absolute-form request line (`GET http://other.host/path`) keys like its path.
	set req.url = regsub(req.url, "^(?i)https?://[^/]*", "");
	call edge_strip_query;
	call edge_keep_read_parameters;
	call edge_hide_origin_paths;
	call edge_release_purge;

	if (req.method == "PURGE" || req.method == "BAN") {
		if (!(client.ip ~ purgers)) {
			return (synth(403, "Purge not allowed from this address"));
		}
		# Publish (lib/edge/xkey.ts): `PURGE /` with `xkey-softpurge: <key> …` marks every object filed under
		# those keys stale (both encodings, any query): served at once while one refetch runs.
		if (req.method == "PURGE" && req.http.xkey-softpurge) {
			set req.http.X-Purged = xkey.softpurge(req.http.xkey-softpurge);
			return (synth(200, "Soft-purged by key"));
		}
		if (req.method == "BAN") {
			# X-Ban-Url: a regular expression over stored paths (`^/stories/slug/`, `.` for everything).
			if (!req.http.X-Ban-Url) {
				return (synth(400, "BAN needs an X-Ban-Url header"));
			}
			if (std.ban("obj.http.X-Edge-Url ~ " + req.http.X-Ban-Url)) {
				return (synth(200, "Banned"));
			}
			return (synth(400, std.ban_error()));
		}
		return (hash);
	}

	# Only GET and HEAD are cached; the origin answers anything else itself (405 for a page).
	if (req.method != "GET" && req.method != "HEAD") {
		return (pass);
	}

	# Rule 2. The site has no client-side navigation (plain links, docs/decisions/0005-no-client-side-navigation.md), so a request for
	# a page is answered with the page, whatever Next router headers it carries: a Next client that asked
	# for flight data and gets HTML falls back to a full page load. Nothing else reaches the origin.
	unset req.http.RSC;
	unset req.http.Next-Router-State-Tree;
	unset req.http.Next-Router-Prefetch;
	unset req.http.Next-Router-Segment-Prefetch;
	unset req.http.Next-Router-Stale-Time;
	unset req.http.Next-Url;
	unset req.http.Next-Action;
	unset req.http.Next-Test-Fetch-Priority;
	unset req.http.X-Nextjs-Data;
	unset req.http.X-Middleware-Prefetch;
	unset req.http.X-Middleware-Subrequest;
	unset req.http.X-Middleware-Invoke;
	unset req.http.X-Invoke-Path;
	unset req.http.X-Invoke-Query;
	unset req.http.X-Invoke-Output;
	unset req.http.X-Invoke-Status;
	unset req.http.X-Matched-Path;
	unset req.http.X-Now-Route-Matches;
	unset req.http.X-Prerender-Revalidate;
	unset req.http.X-Prerender-Revalidate-If-Generated;
	unset req.http.X-Next-Revalidated-Tags;
	unset req.http.X-Next-Revalidate-Tag-Token;
	# Headers a framework may build URLs from: the origin sees one Host (origins.vcl) and no forwarded ones.
	unset req.http.X-Forwarded-Host;
	unset req.http.X-Forwarded-Server;
	unset req.http.X-Forwarded-Port;
	unset req.http.X-Forwarded-Proto;
	unset req.http.X-Forwarded-Scheme;
	unset req.http.Forwarded;
	unset req.http.X-Host;
	unset req.http.X-Original-URL;
	unset req.http.X-Rewrite-URL;
	unset req.http.X-HTTP-Method-Override;
	# The site sets no cookies and reads none: a reader's analytics cookies must not bypass the cache.
	unset req.http.Cookie;
	if (req.http.Authorization) {
		return (pass);
	}
	# Preview links (docs/decisions/0047-preview-links.md): one editor's unpublished story, never stored here,
	# whatever the origin's answer says; each request reaches an origin, which checks the link's expiry.
	if (req.url ~ "^/preview/") {
		return (pass);
	}
	# Resized photos are the one response that varies by Accept (AVIF, else WebP, else the source format:
	# Next's formats, in its order); one stored variant each, whatever else a browser lists.
	if (req.url ~ "^/_next/image\?") {
		if (req.http.Accept ~ "image/avif") {
			set req.http.Accept = "image/avif";
		} elsif (req.http.Accept ~ "image/webp") {
			set req.http.Accept = "image/webp";
		} else {
			unset req.http.Accept;
		}
	} else {
		unset req.http.Accept;
	}
	unset req.http.Accept-Language;
	# One gzip copy and one plain copy per page, whatever Accept-Encoding a client spells out.
	if (req.http.Accept-Encoding ~ "(?i)\bgzip\b" && req.http.Accept-Encoding !~ "(?i)\bgzip\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$)") {
		set req.http.Accept-Encoding = "gzip";
	} else {
		unset req.http.Accept-Encoding;
		set req.http.X-Edge-Plain = "1";
	}
	# Serve stale while refetching for the site's stale-while-revalidate window when an origin is healthy;
	# up to the object's full grace (three days) when none is.
	if (std.healthy(req.backend_hint)) {
		set req.grace = 86400s;
	}
	return (hash);
}

sub vcl_hash {
	# Rule 3: the path and normalised query only. The Host is left out because the origin never sees it.
	hash_data(req.url);
	# The plain copy is its own object (unzipped once at fetch, not on every delivery).
	if (req.http.X-Edge-Plain) {
		hash_data("plain");
	}
	return (lookup);
}

sub edge_purge {
	if (req.http.X-Purge == "soft") {
		# Marked stale, kept in grace: readers get it while the refetch runs, and while origins are down.
		set req.http.X-Purged = purge.soft(0s);
	} else {
		set req.http.X-Purged = purge.hard();
	}
	# Then the plain copy, under its own key.
	if (!req.http.X-Edge-Plain) {
		set req.http.X-Purged-Gzip = req.http.X-Purged;
		set req.http.X-Edge-Plain = "1";
		return (restart);
	}
	set req.http.X-Purged = std.integer(req.http.X-Purged-Gzip, 0) + std.integer(req.http.X-Purged, 0);
	return (synth(200, "Purged"));
}

sub vcl_hit {
	if (req.method == "PURGE") {
		call edge_purge;
	}
}

sub vcl_miss {
	if (req.method == "PURGE") {
		call edge_purge;
	}
	# Past its miss limit a client gets 429 (origins.vcl, EDGE_MISS_LIMIT); hits are never counted.
	call edge_throttle_misses;
}

sub vcl_pass {
	set req.http.X-Edge-Pass = "1";
	call edge_throttle_misses;
}

sub vcl_backend_fetch {
	# The one Host the origin sees, whatever the reader sent (origins.vcl).
	call edge_origin_host;
	if (bereq.method == "GET") {
		unset bereq.body;
	}
	return (fetch);
}

sub edge_not_stored {
	set beresp.uncacheable = true;
	# Hit-for-miss, not hit-for-pass: the next response that is the page is stored again.
	set beresp.ttl = 10s;
	set beresp.grace = 0s;
	return (deliver);
}

sub vcl_backend_response {
	if (bereq.uncacheable) {
		return (deliver);
	}
	set beresp.http.X-Edge-Url = bereq.url;
	# Surrogate keys (xkey): each object is filed under its path without the query, and under `site`; a
	# publish soft-purges the paths whose pages changed (or `site`). Removed before delivery.
	set beresp.http.xkey = regsub(bereq.url, "\?.*$", "") + " site";
	call edge_tag_release;
	# Failures: a background refresh that fails keeps the stale copy; otherwise try another origin
	# (one that is shutting down answers 502/503), then pass the error on, never stored.
	if (beresp.status >= 500) {
		if (bereq.is_bgfetch) {
			return (abandon);
		}
		if (bereq.retries < 3 && beresp.status >= 502 && beresp.status <= 504) {
			return (retry);
		}
		if (bereq.url ~ "^/fragments/") {
			return (error(503));
		}
		set beresp.uncacheable = true;
		set beresp.ttl = 1s;
		set beresp.grace = 0s;
		return (deliver);
	}
	# Rule 4, on the edge's own: Next's flight data, or a redirect into it, never under a page's URL.
	if (beresp.http.Content-Type ~ "(?i)text/x-component" || beresp.http.Location ~ "[?&]_rsc\b") {
		call edge_not_stored;
	}
	# What the origin says must not be shared (Next's 404s are private, no-store), cookies, Vary: *.
	if (beresp.ttl <= 0s || beresp.http.Set-Cookie || beresp.http.Vary == "*" ||
	    beresp.http.Cache-Control ~ "(?i)(no-store|no-cache|private)") {
		call edge_not_stored;
	}
	# The plain copy is stored unzipped; text the origin sent uncompressed is stored gzipped for the gzip copy.
	if (bereq.http.X-Edge-Plain) {
		if (beresp.http.Content-Encoding == "gzip") {
			set beresp.do_gunzip = true;
		}
	} elsif (!beresp.http.Content-Encoding && beresp.http.Content-Type ~ "(?i)^(text/|application/(xml|rss\+xml|json|javascript|manifest\+json)|image/svg)") {
		set beresp.do_gzip = true;
	}
	# Stale-if-error: kept three days past freshness (the site's stale-while-revalidate is one), and a day
	# longer for conditional refetches (If-None-Match: a 304 from the origin renews the copy).
	set beresp.grace = 3d;
	set beresp.keep = 1d;
	call edge_breaking_news;
	call edge_live_status;
	return (deliver);
}

sub vcl_backend_error {
	if (bereq.is_bgfetch) {
		return (abandon);
	}
	if (bereq.retries < 3) {
		return (retry);
	}
	# A fragment no origin gave: pages go without it (an empty include), never with an error page inside.
	if (bereq.url ~ "^/fragments/") {
		set beresp.status = 200;
		set beresp.http.Content-Type = "text/html; charset=utf-8";
		set beresp.body = "";
		set beresp.ttl = 5s;
		set beresp.grace = 0s;
		return (deliver);
	}
	# Nothing cached and no origin answered: a short page at once, never a hang.
	set beresp.status = 503;
	set beresp.reason = "Service Unavailable";
	set beresp.http.Content-Type = "text/html; charset=utf-8";
	set beresp.http.Cache-Control = "no-store";
	set beresp.http.Retry-After = "30";
	set beresp.body = {"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aju Press is briefly unavailable</title></head>
<body><main><h1>Aju Press is briefly unavailable</h1>
<p>This page could not be loaded just now. Please try again in a minute.</p></main></body></html>
"};
	set beresp.http.X-Edge-Synth = "1";
	set beresp.uncacheable = true;
	set beresp.ttl = 0s;
	return (deliver);
}

sub vcl_deliver {
	if (req.http.X-Edge-Pass || obj.uncacheable) {
		set resp.http.X-Cache = "PASS";
	} elsif (obj.hits > 0) {
		set resp.http.X-Cache = "HIT";
	} else {
		set resp.http.X-Cache = "MISS";
	}
	unset resp.http.X-Edge-Url;
	unset resp.http.xkey;
	unset resp.http.Via;
	# The edge's own 503 page carries the site's security headers like every page.
	if (resp.http.X-Edge-Synth) {
		unset resp.http.X-Edge-Synth;
		call edge_security_headers;
	}
}

sub vcl_synth {
	call edge_security_headers;
	set resp.http.X-Cache = "SYNTH";
	set resp.http.Cache-Control = "no-store";
	unset resp.http.Server;
	if (req.http.X-Purged) {
		set resp.http.X-Purged = req.http.X-Purged;
	}
	# The miss limit's window (edge_throttle_misses), after which the client is served again.
	if (resp.status == 429 && req.http.X-Edge-Retry-After) {
		set resp.http.Retry-After = req.http.X-Edge-Retry-After;
	}
	set resp.http.Content-Type = "text/plain; charset=utf-8";
	set resp.body = resp.reason + {"
"};
	return (deliver);
}
