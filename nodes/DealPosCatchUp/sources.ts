/**
 * What the DealPOS Catch-up Trigger can bring back, and how: the webhook events whose records
 * DealPOS's documented REST API lists by day with a stable identity (see recordKey.ts).
 *
 * - Invoice Created: `POST /Invoice/MultipleOutlet/WithTotalCount` (`From`/`To` filter, we infer,
 *   the invoice date: the documentation does not name it; `Status: Any` so an invoice cancelled
 *   since is still caught up, as its webhook was sent when it was created) or `/WithVariant` with
 *   line items (a bare array).
 * - Customer Created: `POST /Customer/p` (`From`/`To` filter the join date).
 *
 * Nothing else can be caught up from the documented API, and the node does not pretend to:
 * updates and deletions (a list by day shows what exists, not what changed or what is gone),
 * payments (listed grouped by outlet, inner fields undocumented), products and stock
 * (`/Inventory/Modified` is seen only in other people's clients), shifts, loyalty answers.
 */
import type { IDataObject } from 'n8n-workflow';

import { names } from '../DealPos/actions/context';
import { CUSTOMER, INVOICE } from '../DealPos/records';
import type { DealPosEvent } from '../DealPosTrigger/catalog';
import type { ApiCall } from '../DealPos/transport/client';

export interface CatchUpSource {
	/** Parameter value: `invoice`. */
	value: string;
	/** The webhook event it stands in for. */
	event: string;
	eventName: string;
	/** Category slug (the record key's prefix). */
	category: string;
	/** How the REST API's record is typed. */
	record: DealPosEvent;
	/** The record's date that `From`/`To` filter (its first 10 characters are the day). */
	dateField: string;
	/** The request for one page of a window. */
	request(window: { from: string; to: string }, page: { number: number; size: number }, options: SourceOptions): ApiCall;
}

/** The node's options a request reads (invoices only). */
export interface SourceOptions {
	/** Outlet names, comma-separated; empty for all. */
	outlets?: string;
	includeLineItems?: boolean;
}

const INVOICES: CatchUpSource = {
	value: 'invoice',
	event: 'invoice.created',
	eventName: 'Invoice Created',
	category: 'invoice',
	record: INVOICE,
	dateField: 'Date',
	request(window, page, options) {
		const body: IDataObject = {
			From: window.from,
			To: window.to,
			Status: 'Any',
			PageNumber: page.number,
			PageSize: page.size,
		};
		const outlets = names(options.outlets);
		if (outlets.length) body.Outlet = outlets;
		const path = options.includeLineItems === true ? '/Invoice/MultipleOutlet/WithVariant' : '/Invoice/MultipleOutlet/WithTotalCount';
		return { method: 'POST', path, body };
	},
};

const CUSTOMERS: CatchUpSource = {
	value: 'customer',
	event: 'customer.created',
	eventName: 'Customer Created',
	category: 'customer',
	record: CUSTOMER,
	dateField: 'JoinDate',
	request(window, page) {
		return {
			method: 'POST',
			path: '/Customer/p',
			body: {
				From: window.from,
				To: window.to,
				PageNumber: page.number,
				PageSize: page.size,
			},
		};
	},
};

export const SOURCES: readonly CatchUpSource[] = [INVOICES, CUSTOMERS];

export function sourceOf(value: string): CatchUpSource | undefined {
	return SOURCES.find((source) => source.value === value);
}
