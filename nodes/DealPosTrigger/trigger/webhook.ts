/**
 * A call to one of the trigger's webhooks, in order: who is calling (nothing is read or run for a
 * caller that is not DealPOS), the token endpoint, which event the URL is for, the delivery.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { issueToken, verifyRequest, type AuthConfig, type AuthRequest } from '../auth';
import { TOKEN_WEBHOOK } from '../webhooks';
import { noUsableCredential, notListening, send } from './answers';
import { authConfig, readCategory, readOptions, selectedEvents } from './configuration';
import { deliver } from './delivery';

/**
 * The call as the checks see it. The caller's address is read only when a check needs it (an IP
 * allow list, a refusal's log line): Express works it out on every read of `req.ip`, a cost per
 * delivery otherwise paid for nothing.
 */
function authRequest(ctx: IWebhookFunctions): AuthRequest {
	const req = ctx.getRequestObject();
	return {
		headers: req.headers,
		get ip() {
			return req.ip;
		},
		get ips() {
			return req.ips;
		},
	};
}

export async function receive(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	let config: AuthConfig;
	try {
		config = await authConfig(ctx);
	} catch (error) {
		// A credential n8n cannot load, or with an empty secret, must not accept everything: refuse
		// every call, with a status DealPOS retries.
		return noUsableCredential(ctx, error);
	}
	const opts = readOptions(ctx);
	const webhook = ctx.getWebhookName() as string;
	if (webhook === TOKEN_WEBHOOK) {
		const answer = issueToken(config, { ...authRequest(ctx), body: ctx.getBodyData() }, Date.now(), opts.allowedIps);
		if (!answer.ok) ctx.logger.warn(`DealPOS Trigger token request refused: ${answer.reason}`);
		return send(ctx, answer);
	}
	const verdict = verifyRequest(config, authRequest(ctx), Date.now(), opts.allowedIps);
	if (!verdict.ok) {
		ctx.logger.warn(`DealPOS Trigger refused a call: ${verdict.reason}`);
		return send(ctx, verdict);
	}
	const category = readCategory(ctx);
	const selection = selectedEvents(ctx, category);
	const event = selection.find((e) => e.webhook === webhook);
	if (!event) return notListening(ctx, category, webhook, selection);
	return await deliver(ctx, event, category, config, opts);
}
