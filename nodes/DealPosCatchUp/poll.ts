/**
 * One poll of the DealPOS Catch-up Trigger: read the windows from the watermark to today through
 * DealPOS's REST API, emit the records this node has not emitted yet, move the watermark past the
 * windows read in full (windows.ts). Stateless between polls except for the node's static data.
 *
 * Within DealPOS's rate limit (50 requests per 180 s for the whole shop): at most Max Requests
 * per Poll before a new window starts, waits for the limit at most Max Rate Limit Wait; a long
 * outage is read over several polls, oldest window first. A poll that stops early (budget, rate
 * limit, error after a window) emits what it read in full and keeps the watermark there; an error
 * before any window was read fails the poll (n8n shows it) and changes nothing.
 *
 * Manual runs (Fetch Test Event) read the last overlap window, return at most
 * {@link MANUAL_ITEMS} records and leave the state alone.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { PROPERTIES } from './description';
import { pageOf } from '../DealPos/actions/context';
import { apiBaseUrl } from '../DealPos/transport/baseUrl';
import { CREDENTIAL_NAME, DealPosClient } from '../DealPos/transport/client';
import { collectPages } from '../DealPos/transport/paging';
import { RECORD_IDENTITY, recordKey } from '../DealPosTrigger/items/recordKey';
import { toCatchUpItem } from './items';
import { sourceOf, type CatchUpSource, type SourceOptions } from './sources';
import { addDays, firstDay, isDay, nextAfter, prune, today, windowsOf, type CatchUpState } from './windows';

/** Days a window spans: a normal poll (yesterday and today) is one request. */
export const WINDOW_DAYS = 7;
export const MANUAL_ITEMS = 10;

export interface CatchUpOptions extends SourceOptions {
	overlapDays: number;
	startDate?: string;
	maxRequests: number;
	maxWait: number;
}

/** The option's default, from the node's description (its one source). */
function defaultOf(name: string): number {
	const options = PROPERTIES.find((p) => p.name === 'options')?.options ?? [];
	return Number((options.find((o) => o.name === name) as INodeProperties | undefined)?.default);
}

export const DEFAULTS = {
	overlapDays: defaultOf('overlapDays'),
	maxRequests: defaultOf('maxRequests'),
	maxWait: defaultOf('maxWait'),
} as const;

function count(value: unknown, fallback: number, min: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n >= min ? Math.floor(n) : fallback;
}

export function optionsOf(raw: IDataObject): CatchUpOptions {
	const start = typeof raw.startDate === 'string' ? raw.startDate.slice(0, 10) : undefined;
	return {
		// At least 1: with 0, a record of yesterday that reaches DealPOS after the first poll past
		// midnight would never be read.
		overlapDays: count(raw.overlapDays, DEFAULTS.overlapDays, 1),
		startDate: isDay(start) ? start : undefined,
		maxRequests: count(raw.maxRequests, DEFAULTS.maxRequests, 1),
		maxWait: count(raw.maxWait, DEFAULTS.maxWait, 0),
		outlets: typeof raw.outlets === 'string' ? raw.outlets : undefined,
		includeLineItems: raw.includeLineItems === true,
	};
}

/** Every record of one window: all its pages. Throws if any page fails. */
async function readWindow(client: DealPosClient, source: CatchUpSource, window: { from: string; to: string }, options: CatchUpOptions) {
	return await collectPages(async (number, size) => {
		return pageOf(await client.call(source.request(window, { number, size }, options), 0));
	});
}

export interface PollResult {
	/** New records with their keys, oldest window first. */
	fresh: Array<{ record: IDataObject; key: string }>;
	/** The state to keep. */
	state: CatchUpState;
	/** Records without the identity field (cannot be told apart: not emitted). */
	unidentified: number;
	/** Windows read in full, and those left for the next poll. */
	windowsRead: number;
	windowsLeft: number;
	/** Why the poll stopped before today, if it did (with no window read: the poll fails). */
	stoppedBy?: unknown;
}

/** The poll's reading, without n8n: what to emit and the state after it. */
export async function catchUp(
	client: DealPosClient,
	source: CatchUpSource,
	stored: CatchUpState,
	options: CatchUpOptions,
	todayIs: string,
): Promise<PollResult> {
	const state: CatchUpState = stored.source === source.value ? stored : {};
	const windows = windowsOf(firstDay(state, todayIs, options.overlapDays, options.startDate), todayIs, WINDOW_DAYS);
	const seen = { ...(state.seen ?? {}) };
	let next = state.next;
	const fresh: PollResult['fresh'] = [];
	let unidentified = 0;
	let read = 0;
	let stoppedBy: unknown;
	for (const window of windows) {
		if (read > 0 && client.requests >= options.maxRequests) break;
		let records: IDataObject[];
		try {
			records = await readWindow(client, source, window, options);
		} catch (error) {
			stoppedBy = error;
			break;
		}
		for (const record of records) {
			const key = recordKey(source.category, record);
			if (key === undefined) {
				unidentified++;
				continue;
			}
			if (seen[key] !== undefined) continue;
			// Remembered under the last day of the window that returned it, not the record's own
			// date: whatever day DealPOS filters on (for invoices the sale's Date or Created, not
			// stated), it is within the window, so no later window that starts after it reads the
			// record again. A backdated sale or one without a date would otherwise be forgotten at
			// once and emitted by every poll while its window is read.
			seen[key] = window.to;
			fresh.push({ record, key });
		}
		next = nextAfter(window.to, todayIs);
		read++;
	}
	const from = next === undefined ? todayIs : addDays(next, -options.overlapDays);
	return {
		fresh,
		state: { source: source.value, next, seen: prune(seen, from) },
		unidentified,
		windowsRead: read,
		windowsLeft: windows.length - read,
		stoppedBy,
	};
}

/** What a poll keeps of n8n's poll budget for reading windows and returning, besides waiting. */
export const POLL_BUDGET_RESERVE_MS = 15_000;

/**
 * How long a poll may wait for DealPOS's rate limit: Max Rate Limit Wait, within n8n's poll budget
 * (n8n 2.41+ `getPollBudgetMs()`: with its durable scheduler, a poll still running at
 * N8N_SCHEDULER_POLL_TIMEOUT is abandoned and what it read is lost) less a reserve.
 */
export function rateLimitWaitMs(maxWaitSeconds: number, budgetMs: number | undefined): number {
	const wanted = maxWaitSeconds * 1000;
	if (budgetMs === undefined || !Number.isFinite(budgetMs)) return wanted;
	return Math.max(0, Math.min(wanted, budgetMs - POLL_BUDGET_RESERVE_MS));
}

export async function poll(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const value = ctx.getNodeParameter('record') as string;
	const source = sourceOf(value);
	if (!source) throw new NodeOperationError(ctx.getNode(), `Unknown record to catch up: ${value}`);
	const options = optionsOf(ctx.getNodeParameter('options', {}) as IDataObject);
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	let baseUrl: string;
	try {
		baseUrl = apiBaseUrl(credentials.subdomain);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
	// getPollBudgetMs is n8n 2.41+ only.
	const budgetMs = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	const client = new DealPosClient(ctx, baseUrl, rateLimitWaitMs(options.maxWait, budgetMs));
	const timezone = ctx.getTimezone();
	const now = new Date();
	const todayIs = today(now, timezone);
	const manual = ctx.getMode() === 'manual';
	const stored = ctx.getWorkflowStaticData('node') as CatchUpState;
	const result = await catchUp(client, source, manual ? {} : stored, manual ? { ...options, startDate: undefined } : options, todayIs);
	if (result.windowsRead === 0 && result.stoppedBy !== undefined) {
		// Nothing read: fail the poll (n8n shows it and polls again); the state is unchanged.
		const error = result.stoppedBy;
		if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
		throw new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error));
	}
	if (!manual) {
		stored.source = result.state.source;
		stored.next = result.state.next;
		stored.seen = result.state.seen;
		if (result.unidentified) {
			ctx.logger.warn(
				`DealPOS Catch-up Trigger: ${result.unidentified} ${source.value} records without ${RECORD_IDENTITY[source.category]} were not emitted`,
			);
		}
		if (result.windowsLeft) {
			ctx.logger.info(
				`DealPOS Catch-up Trigger: read ${result.windowsRead} windows, ${result.windowsLeft} left for the next polls (${client.requests} requests)`,
			);
		}
	}
	const fresh = manual ? result.fresh.slice(-MANUAL_ITEMS) : result.fresh;
	if (fresh.length === 0) return null;
	const receivedAt = now.toISOString();
	return [fresh.map(({ record, key }) => toCatchUpItem(record, key, source, timezone, receivedAt))];
}
