'use strict';
// Workflows for the real-n8n benchmarks: a trigger alone (no downstream node), either the DealPOS
// Trigger or n8n's core Webhook node configured the way a DealPOS user would (POST, fixed path,
// answer on receipt).
const { triggerNode, webhookIdFor, workflowIdFor, SETTINGS } = require('./workflows');

/** DealPOS Trigger alone on `category`/`events`. */
function dealposAlone({ tag, category, events }) {
	return {
		id: workflowIdFor(tag),
		name: `bench ${tag}`,
		nodes: [triggerNode({ tag, category, events })],
		connections: {},
		settings: SETTINGS,
		active: true,
	};
}

/** Core Webhook node (n8n-nodes-base.webhook v2, POST, fixed path, responseMode onReceived) alone. */
function coreWebhookAlone({ tag, path }) {
	return {
		id: workflowIdFor(tag),
		name: `bench ${tag}`,
		nodes: [
			{
				id: webhookIdFor(`node-${tag}`),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: webhookIdFor(tag),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
		],
		connections: {},
		settings: SETTINGS,
		active: true,
	};
}

/** Production URL of a core Webhook node. */
function coreUrl(base, workflow) {
	return `${base}/webhook/${workflow.nodes[0].parameters.path}`;
}

module.exports = { dealposAlone, coreWebhookAlone, coreUrl };
