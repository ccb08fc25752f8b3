import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type WebhookType,
} from 'n8n-workflow';

import {
	AuthConfigError,
	authConfigFromCredential,
	invalidIpEntries,
	issueToken,
	NO_AUTH,
	redactHeaders,
	unusableSecrets,
	verifyRequest,
	type AuthConfig,
	type AuthRequest,
} from './auth';
import { CREDENTIAL_TEST_NAME, testDealPosApiCredential } from './auth/credentialTest';
import { buildItems, type OutputOptions } from './items';
import { TextBody } from './items/normalize';
import { findEvent } from './catalog';
import { HINTS, PROPERTIES, SUBTITLE, TRIGGER_PANEL } from './properties';
import { resolveSelection, SelectionError, type SelectedEvent } from './selection';
import { TOKEN_WEBHOOK, WEBHOOKS } from './webhooks';

/** The answer DealPOS documents for ordinary events. */
const SUCCESS = { status: 'success' };

type Context = IHookFunctions | IWebhookFunctions;

interface NodeOptions {
	allowedIps?: string;
	includeHeaders?: boolean;
	onInvalid?: 'continue' | 'fail';
	output?: 'normalised' | 'raw';
	splitLines?: boolean;
	timezone?: string;
}

function fail(ctx: Context, error: unknown): never {
	const known = error instanceof SelectionError || error instanceof AuthConfigError;
	throw new NodeOperationError(ctx.getNode(), known ? (error as Error).message : String(error));
}

function selectedEvents(
	ctx: Context,
	category = ctx.getNodeParameter('category') as string,
): SelectedEvent[] {
	const events = ctx.getNodeParameter('events', []) as string[];
	const custom = ctx.getNodeParameter('customEvents', '') as string;
	try {
		return resolveSelection(category, events, custom);
	} catch (error) {
		return fail(ctx, error);
	}
}

/** The configured caller authentication; refuses to run with an empty secret. */
async function authConfig(ctx: Context): Promise<AuthConfig> {
	if (ctx.getNodeParameter('authentication', 'none') !== 'dealPosApi') return NO_AUTH;
	try {
		const credential = await ctx.getCredentials<ICredentialDataDecryptedObject>('dealPosApi');
		return authConfigFromCredential(credential);
	} catch (error) {
		return fail(ctx, error);
	}
}

function options(ctx: Context): NodeOptions {
	return ctx.getNodeParameter('options', {}) as NodeOptions;
}

/** Sends an answer with its own status and headers; n8n then sends nothing more. */
function send(
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

function authRequest(ctx: IWebhookFunctions): AuthRequest {
	const req = ctx.getRequestObject();
	return { headers: req.headers, ip: req.ip, ips: req.ips };
}

/**
 * The delivery's body and its raw text (read once: it feeds the delivery key and error texts).
 * n8n parses JSON only for `application/json`: for other content types it gives `{}` (the text
 * for text/plain), so the raw text is parsed here; text that is not JSON becomes a TextBody.
 */
function readBody(ctx: IWebhookFunctions): { body: unknown; rawBody: string } {
	const parsed = ctx.getBodyData() as unknown;
	const req = ctx.getRequestObject() as { rawBody?: Buffer | string; headers?: IDataObject };
	if (req.rawBody === undefined) return { body: parsed, rawBody: JSON.stringify(parsed) ?? '' };
	const rawBody = req.rawBody.toString();
	const leftRaw = parsed === undefined || parsed === rawBody || isEmptyObject(parsed);
	if (!leftRaw) return { body: parsed, rawBody };
	if (!/\S/.test(rawBody)) return { body: typeof parsed === 'string' ? {} : parsed, rawBody };
	try {
		return { body: JSON.parse(rawBody) as unknown, rawBody };
	} catch {
		const contentType = req.headers?.['content-type'];
		return {
			body: new TextBody(rawBody, typeof contentType === 'string' ? contentType : undefined),
			rawBody,
		};
	}
}

function isEmptyObject(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * The answer to a URL of this trigger that serves no selected event. An event of its category
 * that is not selected is acknowledged (2xx: DealPOS does not retry) and starts nothing. A URL of
 * another category (every event URL is registered, whatever the category) can only be a setup
 * mistake: answered 404 with the URLs to paste instead, so DealPOS's webhook log shows it.
 */
function notListening(
	ctx: IWebhookFunctions,
	category: string,
	webhook: string,
	selection: SelectedEvent[],
): IWebhookResponseData {
	const documented = findEvent(webhook);
	if (documented && documented.key.startsWith(`${category}.`)) {
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

/** The request headers for items, secret values (the credential's header too) redacted. */
function safeHeaders(ctx: IWebhookFunctions, config: AuthConfig): IDataObject {
	return redactHeaders(ctx.getHeaderData() as IDataObject, config);
}

export class DealPosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealPOS Trigger',
		name: 'dealPosTrigger',
		icon: { light: 'file:../../icons/dealpos.svg', dark: 'file:../../icons/dealpos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: SUBTITLE,
		description: 'Starts the workflow when DealPOS sends a webhook (invoices, customers, stock, shifts, loyalty)',
		defaults: { name: 'DealPOS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'dealPosApi',
				required: true,
				displayOptions: { show: { authentication: ['dealPosApi'] } },
				testedBy: 'dealPosApiLocalTest',
			},
		],
		webhooks: WEBHOOKS,
		properties: PROPERTIES,
		hints: HINTS,
		triggerPanel: TRIGGER_PANEL,
	};

	methods = {
		credentialTest: { [CREDENTIAL_TEST_NAME]: testDealPosApiCredential },
	};

	webhookMethods = {
		// n8n runs these for the webhook of the same name: the token endpoint, registered once per
		// node whatever it listens to (the event webhooks have none).
		[TOKEN_WEBHOOK]: {
			// DealPOS has no API to register webhooks: the user pastes the URLs into DealPOS by hand.
			// Activation only checks that the configuration can run, so a broken one is refused when
			// the workflow is published instead of failing deliveries later.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (selectedEvents(this).length === 0) {
					throw new NodeOperationError(this.getNode(), 'Select at least one event', {
						description: 'Pick events in Events, or name custom events.',
					});
				}
				// Short or never-matching secrets are refused here; at run time only an empty one is.
				const problems = unusableSecrets(await authConfig(this));
				if (problems.length) {
					throw new NodeOperationError(
						this.getNode(),
						`The DealPOS Webhook API credential cannot be used: ${problems.join('; ')}`,
						{ description: 'Change it in the credential, then publish the workflow again.' },
					);
				}
				const badIps = invalidIpEntries(options(this).allowedIps);
				if (badIps.length) {
					throw new NodeOperationError(this.getNode(), `Allowed IPs has invalid entries: ${badIps.join(', ')}`);
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Who is calling comes first: nothing is read or run for a caller that is not DealPOS.
		let config: AuthConfig;
		try {
			config = await authConfig(this);
		} catch (error) {
			// A credential with an empty secret must not accept everything: refuse every call.
			this.logger.error(`DealPOS Trigger cannot check callers: ${(error as Error).message}`);
			return send(this, {
				status: 401,
				headers: {},
				body: { status: 'error', message: 'This DealPOS Trigger has no usable credential' },
			});
		}
		const opts = options(this);
		const { allowedIps } = opts;
		if (this.getWebhookName() === TOKEN_WEBHOOK) {
			const answer = issueToken(config, { ...authRequest(this), body: this.getBodyData() }, Date.now(), allowedIps);
			if (!answer.ok) this.logger.warn(`DealPOS Trigger token request refused: ${answer.reason}`);
			return send(this, answer);
		}
		const verdict = verifyRequest(config, authRequest(this), Date.now(), allowedIps);
		if (!verdict.ok) {
			this.logger.warn(`DealPOS Trigger refused a call: ${verdict.reason}`);
			return send(this, verdict);
		}

		const category = this.getNodeParameter('category') as string;
		const webhook = this.getWebhookName() as string;
		const selection = selectedEvents(this, category);
		const event = selection.find((e) => e.webhook === webhook);
		if (!event) return notListening(this, category, webhook, selection);

		const { body, rawBody } = readBody(this);
		const output: OutputOptions = {
			output: opts.output ?? 'normalised',
			timezone: opts.timezone || this.getTimezone(),
			splitLines: opts.splitLines ?? false,
			includeHeaders: opts.includeHeaders ?? false,
		};
		const { items, problems } = buildItems(
			body,
			event.documented,
			{
				category,
				event: event.key,
				eventName: event.name,
				receivedAt: new Date().toISOString(),
				mode: this.getMode() === 'manual' ? 'test' : 'production',
				rawBody,
				headers: output.includeHeaders ? safeHeaders(this, config) : undefined,
			},
			output,
		);
		if (problems.length && opts.onInvalid === 'fail') {
			// n8n records a failed execution with this error (and the body in its description) and
			// answers 500: DealPOS retries once, never drops it as it would on a 4xx.
			throw new NodeOperationError(
				this.getNode(),
				`${event.name}: the payload does not match the DealPOS documentation (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
				{
					description: `${problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('\n')}\n\nBody received:\n${rawBody}`,
				},
			);
		}
		if (event.synchronous) return { workflowData: [items] };
		return { webhookResponse: SUCCESS, workflowData: [items] };
	}
}
