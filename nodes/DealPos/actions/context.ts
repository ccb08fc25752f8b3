import { DateTime } from 'luxon';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { DealPosEvent } from '../../DealPosTrigger/catalog';
import { toItem } from '../items';
import type { DealPosClient } from '../transport/client';

/** What an operation gets: the node's functions, the execution's DealPOS client, the time zone. */
export interface Operation {
	ctx: IExecuteFunctions;
	client: DealPosClient;
	timezone: string;
	/** `invoice.get` */
	name: string;
}

export type OperationHandler = (op: Operation, itemIndex: number) => Promise<INodeExecutionData[]>;

export function param<T>(op: Operation, name: string, itemIndex: number, fallback?: T): T {
	return op.ctx.getNodeParameter(name, itemIndex, fallback as never) as T;
}

export function required(op: Operation, name: string, label: string, itemIndex: number): string {
	const value = String(param(op, name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(op.ctx.getNode(), `${label} is empty`, { itemIndex });
	}
	return value;
}

/** A day `yyyy-mm-dd` as DealPOS wants it, from a date parameter, in the workflow's time zone. */
export function day(op: Operation, value: unknown, label: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : String((value as { toISO?: () => string })?.toISO?.() ?? '');
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
	const offset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text);
	const parsed = DateTime.fromISO(text, { zone: op.timezone });
	if (!text || !parsed.isValid) {
		throw new NodeOperationError(op.ctx.getNode(), `${label} is not a date: "${text}"`, { itemIndex });
	}
	return (offset ? parsed.setZone(op.timezone) : parsed).toISODate() as string;
}

/** From and To as DealPOS days; both required unless `optional`. */
export function dateRange(op: Operation, itemIndex: number, optional = false): IDataObject {
	const from = param(op, 'from', itemIndex, '');
	const to = param(op, 'to', itemIndex, '');
	if (!optional && (!from || !to)) {
		throw new NodeOperationError(op.ctx.getNode(), 'From and To are required: DealPOS lists these records by date range', { itemIndex });
	}
	const out: IDataObject = {};
	if (from) out.From = day(op, from, 'From', itemIndex);
	if (to) out.To = day(op, to, 'To', itemIndex);
	return out;
}

/** `undefined` for Return All, else the Limit. */
export function limitOf(op: Operation, itemIndex: number): number | undefined {
	if (param<boolean>(op, 'returnAll', itemIndex, false)) return undefined;
	return Math.max(1, Number(param<number>(op, 'limit', itemIndex, 50)) || 50);
}

/** "a, b" -> ['a', 'b'] */
export function names(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** DealPOS takes an outlet by name (`Outlet`) or ID (`OutletID`): an ID-shaped value is an ID. */
export function outletQuery(value: string): IDataObject {
	return UUID.test(value) ? { OutletID: value } : { Outlet: value };
}

export function items(op: Operation, records: unknown[], kind: DealPosEvent, itemIndex: number): INodeExecutionData[] {
	return records.map((record) => toItem(record, kind, op.name, op.timezone, itemIndex));
}

/**
 * A list answer: a bare array, or `Data` of `{Data, TotalCount}` (rest-api.md). Anything else
 * throws: it is not "no records", and taking it for an empty list would end a listing early or
 * move the catch-up trigger's watermark past records never read.
 */
export function arrayOf(answer: unknown): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	const data = (answer as IDataObject | null)?.Data;
	if (Array.isArray(data)) return data as IDataObject[];
	const text = answer === undefined ? 'an empty body' : JSON.stringify(answer).slice(0, 200);
	throw new Error(`DealPOS answered a list request with ${text}: not a list (an array, or {"Data": [...]}), so nothing was read`);
}

/** One page of a list answer: its records, and `TotalCount` when the list gives it (…/WithTotalCount). */
export function pageOf(answer: unknown): { records: IDataObject[]; total?: number } {
	const total = Number((answer as IDataObject | null)?.TotalCount);
	return { records: arrayOf(answer), total: Number.isFinite(total) ? total : undefined };
}

export function firstN<T>(list: T[], limit: number | undefined): T[] {
	return limit === undefined ? list : list.slice(0, limit);
}
