// @ts-check
'use strict';
// The benchmark's control: the smallest community trigger that serves the same URLs as the DealPOS
// Trigger. It is installed next to this package, the community-package way, only in the benchmark's
// throwaway n8n; it is never shipped.
//
// Why: n8n 2.41 treats its own Webhook node specially (no expression isolate while a webhook is
// received, see LiveWebhooks.webhookPhaseNeedsIsolate), so "DealPOS Trigger vs core Webhook"
// measures n8n's treatment of community triggers as much as this package's code. The control has
// the DealPOS Trigger's webhook descriptions themselves (required from the installed package, so
// the two cannot drift: one static route per event, the custom-event routes, the token route) but
// no code: its webhook() answers {"status":"success"} and emits the body. DealPOS Trigger vs
// control is therefore what this package's own work costs inside n8n.
const fs = require('node:fs');
const path = require('node:path');

const CONTROL_PACKAGE = 'n8n-nodes-dealpos-bench-control';
const CONTROL_TYPE = `${CONTROL_PACKAGE}.benchControlTrigger`;
// The partial controls (dev/lib/bench-workflows.js, PARTIAL_CONTROLS). The first: the DealPOS Trigger's whole description (its properties,
// webhooks, credentials, hints) with the control's webhook(). control -> described is what n8n
// charges for the description (it walks it several times per delivery), described -> DealPOS what
// the node's own code costs.
const DESCRIBED_TYPE = `${CONTROL_PACKAGE}.benchDescribedTrigger`;
// A third: the described control with the DealPOS Trigger's execute() step as well. described ->
// executed is what that step costs, executed -> DealPOS what the trigger's webhook() costs.
const EXECUTED_TYPE = `${CONTROL_PACKAGE}.benchExecutedTrigger`;
// A fourth: the executed control emitting the DealPOS Trigger's own item for the body (built once
// by the package's buildItems, then copied), so that executed -> itemized is what the item's shape
// costs n8n, itemized -> DealPOS what computing it costs.
const ITEMIZED_TYPE = `${CONTROL_PACKAGE}.benchItemizedTrigger`;
// And the control's twin: the control's own code under another type name, in a workflow of its own.
// twin/control is what the instruments read between two triggers that cost n8n the same: the
// floor of their noise, against which a DealPOS/control ratio has to be read.
const TWIN_TYPE = `${CONTROL_PACKAGE}.benchTwinTrigger`;

function twinSource() {
	return `'use strict';
// The control itself under another type name (the A/A test of the benchmarks).
const { BenchControlTrigger } = require('./BenchControlTrigger.node.js');
class BenchTwinTrigger extends BenchControlTrigger {
	constructor() {
		super();
		this.description = { ...this.description, name: 'benchTwinTrigger', displayName: 'Bench Twin Trigger', defaults: { name: 'Twin Trigger' } };
	}
}
module.exports = { BenchTwinTrigger };
`;
}

function describedSource() {
	return `'use strict';
// The DealPOS Trigger's description with the control's static answer.
const { DealPosTrigger } = require('../../n8n-nodes-dealpos/dist/nodes/DealPosTrigger/DealPosTrigger.node.js');
class BenchDescribedTrigger {
	constructor() {
		const dealpos = new DealPosTrigger();
		// n8n refuses an icon file outside the node's own package.
		const { icon, ...description } = dealpos.description;
		this.description = { ...description, name: 'benchDescribedTrigger', displayName: 'Bench Described Trigger' };
		this.methods = dealpos.methods;
		this.webhookMethods = dealpos.webhookMethods;
	}
	async webhook() {
		return { webhookResponse: { status: 'success' }, workflowData: [[{ json: this.getBodyData() }]] };
	}
}
module.exports = { BenchDescribedTrigger };
`;
}

function itemizedSource() {
	return `'use strict';
// The executed control emitting the DealPOS Trigger's item (built once, copied per delivery).
const { buildItems } = require('../../n8n-nodes-dealpos/dist/nodes/DealPosTrigger/items/index.js');
const { findEvent } = require('../../n8n-nodes-dealpos/dist/nodes/DealPosTrigger/catalog/index.js');
const { BenchExecutedTrigger } = require('./BenchExecutedTrigger.node.js');
// The items of the first delivery of each event, as JSON (a benchmark sends one body per event).
const templates = new Map();
class BenchItemizedTrigger extends BenchExecutedTrigger {
	constructor() {
		super();
		this.description = { ...this.description, name: 'benchItemizedTrigger', displayName: 'Bench Itemized Trigger' };
	}
	async webhook() {
		const event = findEvent(this.getWebhookName());
		// Other routes (the readiness check's token URL) answer as the control does.
		if (!event) return super.webhook();
		if (!templates.has(event.key)) {
			const body = this.getBodyData();
			const context = { category: event.key.split('.')[0], event: event.key, eventName: event.name, receivedAt: new Date().toISOString(), mode: 'production', rawBody: JSON.stringify(body) };
			const output = { output: 'normalised', timezone: this.getTimezone(), splitLines: false, includeHeaders: false };
			templates.set(event.key, JSON.stringify(buildItems(body, event, context, output).items));
		}
		return { webhookResponse: { status: 'success' }, workflowData: [JSON.parse(templates.get(event.key))] };
	}
}
module.exports = { BenchItemizedTrigger };
`;
}

function executedSource() {
	return `'use strict';
// The described control with the DealPOS Trigger's execute() step.
const { DealPosTrigger } = require('../../n8n-nodes-dealpos/dist/nodes/DealPosTrigger/DealPosTrigger.node.js');
const { BenchDescribedTrigger } = require('./BenchDescribedTrigger.node.js');
class BenchExecutedTrigger extends BenchDescribedTrigger {
	constructor() {
		super();
		this.description = { ...this.description, name: 'benchExecutedTrigger', displayName: 'Bench Executed Trigger' };
	}
}
BenchExecutedTrigger.prototype.execute = DealPosTrigger.prototype.execute;
module.exports = { BenchExecutedTrigger };
`;
}

function nodeSource() {
	return `'use strict';
// The DealPOS Trigger's own webhook descriptions (resolvers included), with static answers.
const { WEBHOOKS } = require('../../n8n-nodes-dealpos/dist/nodes/DealPosTrigger/webhooks.js');
class BenchControlTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Control Trigger',
			name: 'benchControlTrigger',
			group: ['trigger'],
			version: [1, 2],
			defaultVersion: 2,
			description: 'Emits the request body; nothing else (benchmark control)',
			defaults: { name: 'Control Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: WEBHOOKS.map((w) => ({ ...w, responseMode: 'onReceived', responseData: '' })),
			properties: [{ displayName: 'Category', name: 'category', type: 'string', default: 'customer' }],
		};
	}
	async webhook() {
		return { webhookResponse: { status: 'success' }, workflowData: [[{ json: this.getBodyData() }]] };
	}
}
module.exports = { BenchControlTrigger };
`;
}

/**
 * Writes the control package (the control, the partial controls and the twin) into `<userFolder>/.n8n/nodes/node_modules/` and lists it in the
 * nodes folder's package.json beside the DealPOS package (installed before, from its tarball).
 */
function installControl(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dir = path.join(nodesDir, 'node_modules', CONTROL_PACKAGE);
	fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: CONTROL_PACKAGE,
				version: '0.0.0',
				private: true,
				keywords: ['n8n-community-node-package'],
				n8n: { n8nNodesApiVersion: 1, nodes: ['dist/BenchControlTrigger.node.js', 'dist/BenchDescribedTrigger.node.js', 'dist/BenchExecutedTrigger.node.js', 'dist/BenchItemizedTrigger.node.js', 'dist/BenchTwinTrigger.node.js'] },
			},
			null,
			2,
		),
	);
	fs.writeFileSync(path.join(dir, 'dist', 'BenchControlTrigger.node.js'), nodeSource());
	fs.writeFileSync(path.join(dir, 'dist', 'BenchDescribedTrigger.node.js'), describedSource());
	fs.writeFileSync(path.join(dir, 'dist', 'BenchExecutedTrigger.node.js'), executedSource());
	fs.writeFileSync(path.join(dir, 'dist', 'BenchItemizedTrigger.node.js'), itemizedSource());
	fs.writeFileSync(path.join(dir, 'dist', 'BenchTwinTrigger.node.js'), twinSource());
	const pkgFile = path.join(nodesDir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	pkg.dependencies = { ...pkg.dependencies, [CONTROL_PACKAGE]: '0.0.0' };
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	return dir;
}

module.exports = { CONTROL_PACKAGE, CONTROL_TYPE, DESCRIBED_TYPE, EXECUTED_TYPE, ITEMIZED_TYPE, TWIN_TYPE, installControl };
