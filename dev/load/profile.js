#!/usr/bin/env node
// @ts-check
'use strict';
// `node dev/load/profile.js [--n8n-version=2.8.4] [--count=2000] [--concurrency=20] [--trigger=dealpos|control|described|executed|itemized|twin]
// [--setting=recommended+patched]` (a setting as in bench-n8n's --settings):
// a CPU profile (V8 --cpu-prof) of a real n8n while it receives deliveries of the documented
// Customer Created example through one trigger alone, to see where n8n spends its time per
// delivery. Prints the top functions by self time and the share of time spent in this package's
// code and in code that walks node descriptions (parameter defaults, display options). The raw
// .cpuprofile is kept (open it in Chrome DevTools); --analyze=<file.cpuprofile> summarizes one again.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const lib = require('../lib');
const { TRIGGER_KINDS, triggerAlone, installControl, tarball, removeTarball, startSingle, deliver, summarize, keepAliveAgent, LOAD_OPTIONS, deliveryOptions, n8nEnvOption, parseSetting, parseCli } = lib;

const { values: args } = parseCli({
	...LOAD_OPTIONS,
	analyze: { type: 'string' },
	...deliveryOptions(2000, 20),
	trigger: { type: 'string', default: 'dealpos' },
	'n8n-version': { type: 'string' },
	setting: { type: 'string', default: 'default' },
});

function summarizeProfile(file) {
	const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(prof.nodes.map((n) => [n.id, n]));
	const self = new Map();
	const dt = prof.timeDeltas;
	for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
	const parent = new Map();
	for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	let total = 0;
	const fns = new Map();
	const inclusive = { package: 0, descriptionWalk: 0, idle: 0 };
	const WALK = /getNodeParameters|displayParameter|getParameterValueByPath|validateValueAgainstSchema|getNodeParametersIssues/;
	for (const [id, us] of self) {
		const n = byId.get(id);
		const cf = n.callFrame;
		total += us;
		if (cf.functionName === '(idle)' || cf.functionName === '(program)') inclusive.idle += us;
		const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '')}:${cf.lineNumber + 1}`;
		fns.set(key, (fns.get(key) ?? 0) + us);
		// walk up the stack once: attribute to "package" or "description walk" if any frame matches
		let p = id;
		let inPkg = false;
		let inWalk = false;
		while (p !== undefined) {
			const f = byId.get(p).callFrame;
			if (f.url.includes('/node_modules/n8n-nodes-dealpos/')) inPkg = true;
			if (WALK.test(f.functionName)) inWalk = true;
			p = parent.get(p);
		}
		if (inPkg) inclusive.package += us;
		if (inWalk) inclusive.descriptionWalk += us;
	}
	const busy = total - inclusive.idle;
	console.log(`\n${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
	console.log(`  in this package's code (inclusive): ${((100 * inclusive.package) / busy).toFixed(1)} % of busy time`);
	console.log(`  walking node descriptions (getNodeParameters, displayParameter, validateValueAgainstSchema...): ${((100 * inclusive.descriptionWalk) / busy).toFixed(1)} %`);
	const top = [...fns.entries()].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25);
	for (const [k, us] of top) console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${k}`);
	return { busyUs: busy, ...inclusive };
}

async function main() {
	if (args.analyze) return void summarizeProfile(args.analyze);
	const count = Number(args.count);
	const concurrency = Number(args.concurrency);
	const which = args.trigger;
	const runtime = lib.ensureN8n(args['n8n-version'] || process.env.N8N_VERSION || undefined);
	// --setting=recommended+patched: one setting as in bench-n8n's --settings (its node flags kept).
	const setting = parseSetting(args.setting);
	setting.env = { ...n8nEnvOption(args['n8n-env']), ...setting.env };
	console.log(`setting ${setting.name}: ${JSON.stringify(setting.env)}`);
	const tgz = tarball({ build: !args['no-build'] });
	// The body now, from the dist/ just packed: another build may replace dist/ during the run.
	const body = JSON.stringify(lib.customer());
	const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-prof-'));
	if (!TRIGGER_KINDS.includes(which)) throw new Error(`--trigger: one of ${TRIGGER_KINDS.join(', ')}`);
	const workflow = triggerAlone(which, { tag: `prof-${which}`, category: 'customer', events: ['created'] });
	const trigger = workflow.nodes[0];
	const inst = await startSingle({
		runtime,
		tgz,
		workflows: [workflow],
		label: 'profile',
		prepare: installControl,
		extraEnv: { ...setting.env, DEALPOS_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${profDir} ${setting.env.DEALPOS_NODE_ARGS || ''}`.trim() },
		readyUrls: (base) => [lib.readyUrl(base, trigger)],
	});
	try {
		const url = lib.eventUrl(inst.base, trigger, 'created');
		const agent = keepAliveAgent();
		const run = await deliver({ count, concurrency, agent, urlFor: () => url, bodyFor: () => body });
		agent.destroy();
		const s = summarize(run);
		console.log(`n8n ${runtime.version}, ${which}: ${s.ok}/${s.count} 2xx, ${s.perSecond.toFixed(1)}/s`);
	} finally {
		await inst.n8n.stop();
		inst.n8n = null;
		await inst.close();
		removeTarball(tgz);
	}
	const files = fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
	// The biggest profile is n8n's main process (the others are task runners).
	const main = files.map((f) => path.join(profDir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
	if (!main) throw new Error(`no profile written in ${profDir}`);
	summarizeProfile(main);
	console.log(`\nprofile kept: ${main}`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
