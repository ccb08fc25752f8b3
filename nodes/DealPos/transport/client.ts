/**
 * Calls DealPOS's REST API for one execution of the node, within DealPOS's rate limit.
 *
 * - Authentication is n8n's: `httpRequestWithAuthentication('dealPosApi', ...)` runs the
 *   credential's preAuthentication when it holds no token, adds the Bearer header, and after a
 *   401 fetches a new token and repeats the request once.
 * - Rate limit (see rateLimit.ts): when an answer says `RateLimit-Remaining: 0`, the next call
 *   first waits one policy window (a fixed window is over by then), so this node does not spend a
 *   request on a certain 429. When a 429 comes anyway (other apps of the shop share the quota),
 *   it waits the seconds DealPOS names, then repeats the call. Waiting uses n8n-workflow's
 *   `sleep`; the total wait of the execution is bounded by the node's Max Rate Limit Wait, past
 *   which the node fails with a NodeApiError that says so. Never more than one try per wait.
 *
 * One instance per execution (or per poll of the catch-up trigger): nothing outlives it (no module
 * state, no timers).
 */
import {
	NodeApiError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IPollFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { policyOf, rateLimitMessage, remainingOf, retryAfterSeconds, type Headers } from './rateLimit';

export const CREDENTIAL_NAME = 'dealPosApi';

export interface ApiCall {
	method: IHttpRequestMethods;
	/** After the base URL: `/Invoice/Detail`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

interface FullResponse {
	body: unknown;
	headers: Headers;
	statusCode: number;
}

type Answer = { status?: number; headers?: Headers; body?: unknown };

function field(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** Status, headers and body of a failed request, as n8n's wrapped (axios) errors carry them. */
export function answerOf(error: unknown): Answer {
	const response =
		field(field(error, 'cause'), 'response') ?? field(error, 'response') ?? undefined;
	const status = Number(field(error, 'httpCode') ?? field(response, 'status') ?? field(response, 'statusCode'));
	return {
		status: Number.isFinite(status) && status > 0 ? status : undefined,
		headers: field(response, 'headers') as Headers,
		body: field(response, 'data') ?? field(response, 'body') ?? field(field(error, 'context'), 'data'),
	};
}

export class DealPosClient {
	/** Milliseconds waited for the rate limit in this execution. */
	waitedMs = 0;

	/** Requests sent (each try counts). */
	requests = 0;

	/** Set when the last answer said the window's quota is used up: wait this long first. */
	private pauseMs = 0;

	constructor(
		private readonly ctx: IExecuteFunctions | IPollFunctions,
		private readonly baseUrl: string,
		/** The most this execution may wait for the rate limit, in total. */
		private readonly maxWaitMs: number,
	) {}

	async call(call: ApiCall, itemIndex: number): Promise<unknown> {
		const options: IHttpRequestOptions = {
			method: call.method,
			url: `${this.baseUrl}${call.path}`,
			returnFullResponse: true,
		};
		if (call.qs) options.qs = call.qs;
		// POST with a JSON body; a bodyless GET must not claim a JSON body (DealPOS answers 500).
		if (call.body) {
			options.body = call.body;
			options.json = true;
		}
		for (;;) {
			await this.pauseIfExhausted();
			let response: FullResponse;
			try {
				this.requests++;
				response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
					this.ctx,
					CREDENTIAL_NAME,
					{ ...options },
				)) as FullResponse;
			} catch (error) {
				const answer = answerOf(error);
				if (answer.status !== 429) {
					throw new NodeApiError(this.ctx.getNode(), error as JsonObject, { itemIndex });
				}
				await this.waitOut(answer, call, itemIndex);
				continue;
			}
			this.observe(response.headers);
			return this.json(response.body, call, itemIndex);
		}
	}

	/** DealPOS answers JSON; a text answer is parsed, anything else is an error that says so. */
	private json(body: unknown, call: ApiCall, itemIndex: number): unknown {
		if (typeof body !== 'string') return body;
		if (body.trim() === '') return undefined;
		try {
			return JSON.parse(body) as unknown;
		} catch {
			throw new NodeApiError(this.ctx.getNode(), { message: body.slice(0, 200) } as JsonObject, {
				itemIndex,
				message: `DealPOS answered ${call.method} ${call.path} with something that is not JSON`,
				description: body.slice(0, 300),
			});
		}
	}

	private observe(headers: Headers): void {
		this.pauseMs = remainingOf(headers) === 0 ? policyOf(headers).windowSeconds * 1000 : 0;
	}

	private async pauseIfExhausted(): Promise<void> {
		const pause = this.pauseMs;
		this.pauseMs = 0;
		// Only within the budget; otherwise the next call learns the exact wait from its 429.
		if (pause <= 0 || this.waitedMs + pause > this.maxWaitMs) return;
		this.waitedMs += pause;
		await sleep(pause);
	}

	private async waitOut(answer: Answer, call: ApiCall, itemIndex: number): Promise<void> {
		const seconds = retryAfterSeconds(answer.body, answer.headers);
		const waitMs = Math.max(1, seconds) * 1000;
		if (this.waitedMs + waitMs > this.maxWaitMs) {
			const said = rateLimitMessage(answer.body);
			const policy = policyOf(answer.headers);
			throw new NodeApiError(
				this.ctx.getNode(),
				{ message: said || 'Too many requests', httpCode: '429' } as JsonObject,
				{
					httpCode: '429',
					itemIndex,
					message: `DealPOS rate limit: ${call.method} ${call.path} would have to wait ${seconds} s more, past the node's Max Rate Limit Wait (${Math.round(this.maxWaitMs / 1000)} s)`,
					description:
						`DealPOS allows ${policy.limit} requests per ${policy.windowSeconds} s for the whole shop (every app using its API shares them). ` +
						`This execution already waited ${Math.round(this.waitedMs / 1000)} s. Raise Max Rate Limit Wait in the node's options, ` +
						`narrow the request (date range, Limit) or run it when other integrations are quiet.` +
						(said ? ` DealPOS said: "${said}"` : ''),
				},
			);
		}
		this.waitedMs += waitMs;
		await sleep(waitMs);
	}
}
