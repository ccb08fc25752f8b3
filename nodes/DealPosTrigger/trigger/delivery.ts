/** A delivery of a selected event: its body read, its items built, its answer. */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { redactHeaders, type AuthConfig } from '../auth';
import { buildItems, type OutputOptions } from '../items';
import { TextBody } from '../items/normalize';
import type { SelectedEvent } from '../selection';
import { SUCCESS } from './answers';
import { configuredTimezone, nodeError, type NodeOptions } from './configuration';

/** The request as n8n hands it over: its raw body, and n8n's reader of it. */
interface RawRequest {
	rawBody?: Buffer | string;
	readRawBody?: () => Promise<void>;
	headers?: IDataObject;
}

/**
 * The delivery's body and its raw text (read once: it feeds the delivery key and error texts).
 * n8n parses JSON only for `application/json`: for other content types it gives `{}` (the text
 * for text/plain), so the raw text is parsed here; text that is not JSON becomes a TextBody. For
 * a node of version 2, n8n does not even read a body of another content type: it is read here,
 * with n8n's own reader (its size limit and decompression).
 */
export async function readBody(ctx: IWebhookFunctions): Promise<{ body: unknown; rawBody: string }> {
	const parsed = ctx.getBodyData() as unknown;
	const req = ctx.getRequestObject() as RawRequest;
	if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
	if (req.rawBody === undefined) return { body: parsed, rawBody: JSON.stringify(parsed) ?? '' };
	const rawBody = req.rawBody.toString();
	const contentType = req.headers?.['content-type'];
	const leftRaw = parsed === undefined || parsed === rawBody || isEmptyObject(parsed);
	// A body of another content type that n8n parsed its own way (a form: JSON text becomes one
	// key) is still read as JSON when it is; a real form keeps n8n's parse.
	if (!leftRaw && isJsonType(contentType)) return { body: parsed, rawBody };
	if (!/\S/.test(rawBody)) return { body: typeof parsed === 'string' ? {} : parsed, rawBody };
	try {
		return { body: JSON.parse(rawBody) as unknown, rawBody };
	} catch {
		if (!leftRaw) return { body: parsed, rawBody };
		return {
			body: new TextBody(rawBody, typeof contentType === 'string' ? contentType : undefined),
			rawBody,
		};
	}
}

/** `application/json`, `application/…+json`, or no header (n8n parses only JSON without one). */
function isJsonType(contentType: unknown): boolean {
	return typeof contentType !== 'string' || /^\s*application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType);
}

function isEmptyObject(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * The items of one delivery of `event`, and the answer: DealPOS's documented success for ordinary
 * events, the workflow's answer for loyalty ones. With *Invalid Payloads: Fail the Execution* a
 * payload with problems throws: n8n records a failed execution with the error (the body in its
 * description) and answers 500, so DealPOS retries once instead of dropping it as after a 4xx.
 */
export async function deliver(
	ctx: IWebhookFunctions,
	event: SelectedEvent,
	category: string,
	config: AuthConfig,
	opts: NodeOptions,
): Promise<IWebhookResponseData> {
	const { body, rawBody } = await readBody(ctx);
	const output: OutputOptions = {
		output: opts.output ?? 'normalised',
		timezone: configuredTimezone(opts) ?? ctx.getTimezone(),
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
			mode: ctx.getMode() === 'manual' ? 'test' : 'production',
			rawBody,
			// Secret values (the credential's own header too) are redacted.
			headers: output.includeHeaders ? redactHeaders(ctx.getHeaderData() as IDataObject, config) : undefined,
		},
		output,
	);
	if (problems.length && opts.onInvalid === 'fail') {
		const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
		throw nodeError(
			ctx,
			new Error(`${event.name}: the payload does not match the DealPOS documentation (${count})`),
			`${problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('\n')}\n\nBody received:\n${rawBody}`,
		);
	}
	if (event.synchronous) return { workflowData: [items] };
	return { webhookResponse: SUCCESS, workflowData: [items] };
}
