// @ts-check
'use strict';
// Private, throwaway Redis and PostgreSQL servers for the queue-mode run, from Debian's packages
// (installed with apt-get when missing, nginx too when asked: dev/lib/nginx.js runs it). Both
// run as child processes of this script on free loopback ports with their data in a temp folder,
// and are stopped by pid: nothing is left behind, and the system's own redis/postgresql services (if
// any) are not touched.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { logger, waitUntil } = require('./util');

const log = logger('services');

function which(cmd) {
	const res = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return res.status === 0 ? res.stdout.trim() : null;
}

/** The newest /usr/lib/postgresql/<version>/bin that has `postgres` and `initdb`. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')) && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : null;
}

/**
 * Installs redis-server and postgresql (and nginx with `nginx: true`) with apt-get if missing.
 * While installing, a temporary /usr/sbin/policy-rc.d (exit 101) keeps the packages from starting
 * their system services (only if no policy-rc.d exists; removed afterwards), so the install leaves
 * no daemon running.
 */
function ensurePackages({ nginx = false } = {}) {
	const hasNginx = () => fs.existsSync('/usr/sbin/nginx') || Boolean(which('nginx'));
	const missing = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!postgresBin() || !which('psql')) missing.push('postgresql');
	if (nginx && !hasNginx()) missing.push('nginx');
	if (!missing.length) return { installed: [], seconds: 0 };
	const t0 = Date.now();
	const sudo = process.getuid && process.getuid() !== 0 ? ['sudo', '-n'] : [];
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	const run = (args) => {
		const [cmd, ...rest] = [...sudo, ...args];
		const res = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (res.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${res.status})`);
	};
	log(`installing ${missing.join(', ')} with apt-get (missing on this machine)`);
	try {
		if (ownPolicy) run(['sh', '-c', `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod 755 ${policy}`]);
		run(['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'update']);
		run(['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', ...missing]);
	} finally {
		if (ownPolicy) {
			const [cmd, ...rest] = [...sudo, 'rm', '-f', policy];
			spawnSync(cmd, rest);
		}
	}
	if (!which('redis-server') || !postgresBin() || (nginx && !hasNginx())) throw new Error(`${missing.join(', ')}: still missing after apt-get install`);
	return { installed: missing, seconds: (Date.now() - t0) / 1000 };
}

function waitExit(child, ms) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
		const timer = setTimeout(() => resolve(false), ms);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

/** Stops a child by pid: `signal`, then SIGKILL after `graceMs`. */
async function stopChild(child, signal = 'SIGTERM', graceMs = 20000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	child.kill(signal);
	if (!(await waitExit(child, graceMs))) {
		child.kill('SIGKILL');
		await waitExit(child, 5000);
	}
}

function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let data = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			data += d;
			if (data.includes('\r\n')) {
				socket.end();
				resolve(data.startsWith('+PONG'));
			}
		});
		socket.on('error', () => resolve(false));
		socket.on('close', () => resolve(false));
	});
}

/** Starts redis-server (no persistence) on `port`, as a child process; resolves { child, stop }. */
async function startRedis({ dir, port }) {
	fs.mkdirSync(dir, { recursive: true });
	const out = fs.openSync(path.join(dir, 'redis.log'), 'a');
	const child = spawn(
		'redis-server',
		['--daemonize', 'no', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'],
		{ stdio: ['ignore', out, out] },
	);
	await waitUntil(() => {
		if (child.exitCode !== null) throw new Error('redis-server exited');
		return redisPing(port);
	}, { timeoutMs: 20000, what: `redis on ${port}` });
	return { child, port, stop: () => stopChild(child, 'SIGTERM', 10000) };
}

function postgresIds() {
	const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
	const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
	if (!Number.isInteger(uid) || uid <= 0) throw new Error('no "postgres" system user (it comes with the postgresql package)');
	return { uid, gid };
}

/**
 * A private PostgreSQL cluster in `dir` (initdb, run as the postgres user), listening on
 * 127.0.0.1:`port` and a socket in `dir`; creates role and database `n8n`. Resolves
 * { child, port, database, user, password, stop }.
 */
async function startPostgres({ dir, port, maxConnections = 100 }) {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed (ensurePackages() installs it)');
	const { uid, gid } = postgresIds();
	const data = path.join(dir, 'data');
	const sock = path.join(dir, 'sock');
	fs.mkdirSync(sock, { recursive: true });
	fs.chownSync(dir, uid, gid);
	fs.chownSync(sock, uid, gid);
	const env = { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
	const init = spawnSync(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync'],
		{ uid, gid, env, encoding: 'utf8', cwd: dir },
	);
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
	const out = fs.openSync(path.join(dir, 'postgres.log'), 'a');
	fs.chownSync(path.join(dir, 'postgres.log'), uid, gid);
	const child = spawn(
		path.join(bin, 'postgres'),
		['-D', data, '-p', String(port), '-k', sock, '-c', 'listen_addresses=127.0.0.1', '-c', `max_connections=${maxConnections}`],
		{ uid, gid, env, cwd: dir, stdio: ['ignore', out, out] },
	);
	const psql = (sql) =>
		spawnSync(path.join(bin, 'psql'), ['-h', sock, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], {
			uid,
			gid,
			env,
			encoding: 'utf8',
			cwd: dir,
		});
	await waitUntil(() => {
		if (child.exitCode !== null) throw new Error(`postgres exited; see ${path.join(dir, 'postgres.log')}`);
		return psql('SELECT 1').status === 0;
	}, { timeoutMs: 60000, what: `postgres on ${port}` });
	const password = 'n8n-bench-password';
	for (const sql of [`CREATE ROLE n8n LOGIN PASSWORD '${password}'`, 'CREATE DATABASE n8n OWNER n8n']) {
		const res = psql(sql);
		if (res.status !== 0) throw new Error(`psql ${sql}: ${res.stderr}`);
	}
	// SIGINT = PostgreSQL's "fast" shutdown.
	return { child, port, database: 'n8n', user: 'n8n', password, version: path.basename(path.dirname(bin)), stop: () => stopChild(child, 'SIGINT', 20000) };
}

module.exports = { ensurePackages, startRedis, startPostgres, stopChild, postgresBin, which };
