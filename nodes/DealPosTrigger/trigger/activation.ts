/**
 * Publish-time checks. DealPOS has no API to register webhooks (the user pastes the URLs into
 * DealPOS by hand), so activation registers nothing: it refuses a configuration that cannot run,
 * when the workflow is published, instead of failing deliveries later.
 */
import type { IHookFunctions } from 'n8n-workflow';

import { invalidIpEntries, unusableSecrets } from '../auth';
import { isTimeZone } from '../items/normalize';
import { authConfig, nodeError, readOptions, selectedEvents } from './configuration';

export async function checkConfiguration(ctx: IHookFunctions): Promise<boolean> {
	if (selectedEvents(ctx).length === 0) {
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
	const options = readOptions(ctx);
	const badIps = invalidIpEntries(options.allowedIps);
	if (badIps.length) throw nodeError(ctx, new Error(`Allowed IPs has invalid entries: ${badIps.join(', ')}`));
	// A mistyped zone would put a problem on every delivery (each one failed, with Invalid
	// Payloads: Fail the Execution) and shift every timestamp by hours.
	const timezone = options.timezone?.trim();
	if (timezone && !isTimeZone(timezone)) {
		throw nodeError(
			ctx,
			new Error(`Timezone "${timezone}" is not a time zone`),
			"Use the DealPOS account's time zone by its IANA name, such as Asia/Jakarta (or an offset such as UTC+7), or leave Timezone empty for the workflow's time zone.",
		);
	}
	return true;
}
