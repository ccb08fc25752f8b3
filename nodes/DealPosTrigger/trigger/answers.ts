/** The answers the node sends DealPOS itself (n8n sends the others from `webhookResponse`). */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData, WebhookType } from 'n8n-workflow';

import { findEvent } from '../catalog';
import type { SelectedEvent } from '../selection';

/** The answer DealPOS documents for ordinary events. */
export const SUCCESS = { status: 'success' };

/** Sends an answer with its own status and headers; n8n then sends nothing more. */
export function send(
	ctx: IWebhookFunctions,
	answer: { status: number; headers: Record<string, string>; body: IDataObject },
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(answer.status);
	for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.end(JSON.stringify(answer.body));
	return { noWebhookResponse: true };
}

/**
 * A caller that cannot be checked (the credential is unusable, or n8n could not load it) is
 * refused: nothing gets in. 503, not 401: the fault is this side's, and DealPOS retries a 5xx
 * once (never a 4xx), so a delivery that meets a passing fault (a database or secrets vault not
 * answering) is not lost.
 */
export function noUsableCredential(ctx: IWebhookFunctions, error: unknown): IWebhookResponseData {
	ctx.logger.error(`DealPOS Trigger cannot check callers: ${error instanceof Error ? error.message : String(error)}`);
	return send(ctx, {
		status: 503,
		headers: {},
		body: { status: 'error', message: 'This DealPOS Trigger has no usable credential' },
	});
}

/**
 * The answer to a URL of this trigger that serves no selected event. An event of its category
 * that is not selected is acknowledged (2xx: DealPOS does not retry) and starts nothing. A URL of
 * another category (every event URL is registered, whatever the category) can only be a setup
 * mistake: answered 404 with the URLs to paste instead, so DealPOS's webhook log shows it.
 */
export function notListening(
	ctx: IWebhookFunctions,
	category: string,
	webhook: string,
	selection: SelectedEvent[],
): IWebhookResponseData {
	const documented = findEvent(webhook);
	if (documented && documented.key.startsWith(`${category}.`)) {
		// DealPOS sends an event only to a URL pasted for it: the selection changed since.
		ctx.logger.warn(
			`DealPOS Trigger on ${category} received ${documented.name}, which it does not listen to: acknowledged, nothing ran (select the event, or remove its URL from DealPOS)`,
		);
		return {
			webhookResponse: {
				status: 'ignored',
				message: `${documented.name} is not selected in this DealPOS Trigger: acknowledged, nothing runs`,
			},
		};
	}
	const what = documented ? `${documented.name} (${documented.key})` : 'no event';
	ctx.logger.warn(`DealPOS Trigger on ${category} received a delivery for ${what}: a URL pasted into DealPOS is wrong`);
	return send(ctx, {
		status: 404,
		headers: {},
		body: {
			status: 'error',
			message: `This URL is for ${what}, but this DealPOS Trigger listens to ${category} events. Paste these URLs into DealPOS instead.`,
			urls: selection.map((e) => ({ event: e.name, url: ctx.getNodeWebhookUrl(e.webhook as WebhookType) ?? '' })),
		},
	});
}
