/**
 * Preloaded into n8n's processes by the e2e tests (NODE_OPTIONS=--require): reports every TCP connection
 * (plain, TLS, HTTP agents, fetch) to a host that is not loopback, so the run can fail when n8n talks to the
 * internet (api.n8n.io, telemetry, a real vendor). It only reports; it does not block.
 *
 * Each attempt is one line `[net-guard] pid <pid> connects to <host>:<port>` on stderr and, when
 * N8N_NET_GUARD_LOG names a file, appended there (the e2e run reads that file).
 */
'use strict';

const fs = require('node:fs');
const net = require('node:net');

const logFile = process.env.N8N_NET_GUARD_LOG;
const LOOPBACK =
	/^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|0:0:0:0:0:0:0:1|\[::1\])$/i;

function report(host, port) {
	const line = `[net-guard] pid ${process.pid} connects to ${host}:${port}\n`;
	try {
		process.stderr.write(line);
	} catch {
		// stderr closed
	}
	if (logFile) {
		try {
			fs.appendFileSync(logFile, line);
		} catch {
			// the report must never break n8n
		}
	}
}

/** Host and port of a net.Socket#connect call, or undefined for an IPC (path) connection. */
function target(args) {
	let first = args[0];
	// Node's http and net pass already-normalized arguments: [options, callback].
	if (Array.isArray(first)) first = first[0];
	if (first !== null && typeof first === 'object') {
		if (first.path) return undefined;
		return { host: first.host ?? first.hostname ?? 'localhost', port: first.port };
	}
	if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
		return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
	}
	return undefined; // a path string: IPC
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
	try {
		const t = target(args);
		if (t && !LOOPBACK.test(String(t.host))) report(t.host, t.port);
	} catch {
		// never break a connection because of the guard
	}
	return connect.apply(this, args);
};
