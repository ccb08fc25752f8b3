/**
 * Publish-time checks. DealPOS has no API to register webhooks (the user pastes the URLs into
 * DealPOS by hand), so activation registers nothing: it refuses a configuration that cannot run,
 * when the workflow is published, instead of failing deliveries later.
 */
import type { IHookFunctions } from 'n8n-workflow';

import { invalidIpEntries, unusableSecrets } from '../auth';
import { isTimeZone } from '../items/normalize';
import { authConfig, configuredTimezone, nodeError, readOptions, selectedEvents } from './configuration';

const RESPOND_TO_WEBHOOK = 'n8n-nodes-base.respondToWebhook';

/**
 * With *Respond: Using 'Respond to Webhook' Node*, a loyalty event is answered by a Respond to
 * Webhook node at version 1 after the trigger (later versions run only after n8n's own Webhook
 * node). Without one, n8n answers an empty 200 (or a 500): DealPOS gets no points, reward or coupon.
 */
function checkRespondNode(ctx: IHookFunctions, synchronous: boolean): void {
	if (!synchronous || ctx.getNodeParameter('responseMode', 'lastNode') !== 'responseNode') return;
	if (typeof ctx.getChildNodes !== 'function') return;
	const respond = (ctx.getChildNodes(ctx.getNode().name) ?? []).filter(
		(n) => n.type === RESPOND_TO_WEBHOOK && !n.disabled,
	);
	if (respond.some((n) => n.typeVersion === 1)) return;
	const advice =
		'Add a Respond to Webhook node at version 1 after this trigger (as in the example workflows), or set Respond to When Last Node Finishes.';
	if (respond.length) {
		throw nodeError(
			ctx,
			new Error('The Respond to Webhook node after this trigger must be at version 1'),
			`Later versions run only after n8n's own Webhook node. ${advice}`,
		);
	}
	throw nodeError(
		ctx,
		new Error("Respond is set to Using 'Respond to Webhook' Node, but no Respond to Webhook node follows this trigger"),
		`DealPOS would get an empty answer. ${advice}`,
	);
}

export async function checkConfiguration(ctx: IHookFunctions): Promise<boolean> {
	const selection = selectedEvents(ctx);
	if (selection.length === 0) {
		throw nodeError(ctx, new Error('Select at least one event'), 'Pick events in Event Names or IDs, or choose Custom Event and name them.');
	}
	// Short or never-matching secrets are refused here; at run time only an empty one is.
	const problems = unusableSecrets(await authConfig(ctx));
	if (problems.length) {
		throw nodeError(
			ctx,
			new Error(`The DealPOS Webhook Authentication API credential cannot be used: ${problems.join('; ')}`),
			'Change it in the credential, then publish the workflow again.',
		);
	}
	checkRespondNode(ctx, selection.some((e) => e.synchronous));
	const options = readOptions(ctx);
	const badIps = invalidIpEntries(options.allowedIps);
	if (badIps.length) throw nodeError(ctx, new Error(`Allowed IPs has invalid entries: ${badIps.join(', ')}`));
	// A mistyped zone would put a problem on every delivery (each one failed, with Invalid
	// Payloads: Fail the Execution) and shift every timestamp by hours.
	const timezone = configuredTimezone(options);
	if (timezone && !isTimeZone(timezone)) {
		throw nodeError(
			ctx,
			new Error(`Timezone "${timezone}" is not a time zone`),
			"Use the DealPOS account's time zone by its IANA name, such as Asia/Jakarta (or an offset such as UTC+7), or leave Timezone empty for the workflow's time zone.",
		);
	}
	return true;
}
