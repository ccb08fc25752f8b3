// @ts-check
'use strict';
// Workflows for the real-n8n benchmarks: a trigger alone (no downstream node), either the DealPOS
// Trigger or n8n's core Webhook node configured the way a DealPOS user would (POST, fixed path,
// answer on receipt).
const { triggerNode, webhookIdFor, workflowIdFor, SETTINGS } = require('./workflows');
const { CONTROL_TYPE, DESCRIBED_TYPE, EXECUTED_TYPE, ITEMIZED_TYPE, TWIN_TYPE } = require('./control-node');

/** A published workflow holding `node` alone. */
function alone(tag, node) {
	return { id: workflowIdFor(tag), name: `bench ${tag}`, nodes: [node], connections: {}, settings: SETTINGS, active: true };
}

/** A trigger node with the ids the harness derives from `tag` (as workflows.triggerNode does). */
function webhookNode(tag, { name, type, typeVersion, parameters }) {
	return { id: webhookIdFor(`node-${tag}`), name, type, typeVersion, position: [0, 0], webhookId: webhookIdFor(tag), parameters };
}

/** DealPOS Trigger alone on `category`/`events`. */
function dealposAlone({ tag, category, events }) {
	return alone(tag, triggerNode({ tag, category, events }));
}

/** The benchmark's control trigger (dev/lib/control-node.js) alone, on the DealPOS Trigger's URLs; `twin`: its twin. */
function controlAlone({ tag, category, twin = false }) {
	const [name, type] = twin ? ['Twin Trigger', TWIN_TYPE] : ['Control Trigger', CONTROL_TYPE];
	return alone(tag, webhookNode(tag, { name, type, typeVersion: 2, parameters: { category } }));
}

/**
 * The partial controls of dev/lib/control-node.js, by kind: the control carrying the DealPOS
 * Trigger's description; with its execute() too; emitting its item too. Between the control and the
 * DealPOS Trigger they price the description, execute(), the item's shape and computing it.
 */
const PARTIAL_CONTROLS = {
	described: { name: 'Described Trigger', type: DESCRIBED_TYPE },
	executed: { name: 'Executed Trigger', type: EXECUTED_TYPE },
	itemized: { name: 'Itemized Trigger', type: ITEMIZED_TYPE },
};

/** The triggers the benchmarks compare on the DealPOS Trigger's URLs (`twin`: the control's twin, the A/A test). */
const TRIGGER_KINDS = ['dealpos', 'control', ...Object.keys(PARTIAL_CONTROLS), 'twin'];

/** The trigger of `kind` (TRIGGER_KINDS) alone, configured as the DealPOS Trigger on `category`/`events`. */
function triggerAlone(kind, { tag, category, events }) {
	if (kind === 'dealpos') return dealposAlone({ tag, category, events });
	if (kind === 'control' || kind === 'twin') return controlAlone({ tag, category, twin: kind === 'twin' });
	const partial = PARTIAL_CONTROLS[kind];
	if (!partial) throw new Error(`unknown trigger kind ${kind} (${TRIGGER_KINDS.join(', ')})`);
	return alone(tag, webhookNode(tag, { ...partial, typeVersion: 2, parameters: { category, events } }));
}

/** Core Webhook node (n8n-nodes-base.webhook v2, POST, fixed path, responseMode onReceived) alone. */
function coreWebhookAlone({ tag, path }) {
	return alone(
		tag,
		webhookNode(tag, {
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		}),
	);
}

/**
 * Production URL of a core Webhook node. A path with a route parameter (`x/:event`) is served under
 * the node's webhookId, like the DealPOS Trigger's URLs: `/webhook/<webhookId>/x/<value>`.
 */
function coreUrl(base, workflow, value = 'created') {
	const node = workflow.nodes[0];
	const p = node.parameters.path;
	return p.includes('/:') ? `${base}/webhook/${node.webhookId}/${p.replace(/:[^/]+/, value)}` : `${base}/webhook/${p}`;
}

module.exports = { dealposAlone, controlAlone, PARTIAL_CONTROLS, TRIGGER_KINDS, triggerAlone, coreWebhookAlone, coreUrl };
