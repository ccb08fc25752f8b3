import type { IDataObject } from 'n8n-workflow';

import { INVOICE, INVOICE_ID } from '../records';
import { collectPages } from '../transport/paging';
import { dateRange, items, limitOf, names, outletQuery, pageOf, param, required, type OperationHandler } from './context';

/** GET /Invoice/Detail?ID= or ?Number=&Outlet= (OutletID for an ID-shaped outlet). */
export const getInvoice: OperationHandler = async (op, i) => {
	const qs =
		param(op, 'findBy', i, 'id') === 'id'
			? { ID: required(op, 'invoiceId', 'Invoice ID', i) }
			: { Number: required(op, 'number', 'Invoice Number', i), ...outletQuery(required(op, 'outlet', 'Outlet', i)) };
	const answer = await op.client.call({ method: 'GET', path: '/Invoice/Detail', qs }, i);
	return items(op, [answer], INVOICE, i);
};

/** GET /Invoice/IDByNumber?Outlet=&Number= -> { ID } */
export const getInvoiceIdByNumber: OperationHandler = async (op, i) => {
	const qs = { Number: required(op, 'number', 'Invoice Number', i), ...outletQuery(required(op, 'outlet', 'Outlet', i)) };
	const answer = await op.client.call({ method: 'GET', path: '/Invoice/IDByNumber', qs }, i);
	return items(op, [answer], INVOICE_ID, i);
};

/**
 * POST /Invoice/MultipleOutlet/WithTotalCount ({Data, TotalCount}: paging knows when it is done),
 * or /Invoice/MultipleOutlet/WithVariant (a bare array) with line items.
 */
export const getManyInvoices: OperationHandler = async (op, i) => {
	const filters = param<IDataObject>(op, 'filters', i, {});
	const body: IDataObject = { ...dateRange(op, i) };
	const outlets = names(filters.outlets);
	const tags = names(filters.tags);
	if (outlets.length) body.Outlet = outlets;
	if (tags.length) body.Tag = tags;
	for (const [key, name] of [
		['paymentState', 'PaymentState'],
		['deliveryState', 'DeliveryState'],
		['status', 'Status'],
	] as const) {
		if (filters[key]) body[name] = filters[key];
	}
	const withLines = param<boolean>(op, 'includeLineItems', i, false);
	const path = withLines ? '/Invoice/MultipleOutlet/WithVariant' : '/Invoice/MultipleOutlet/WithTotalCount';
	const records = await collectPages(
		async (PageNumber, PageSize) => pageOf(await op.client.call({ method: 'POST', path, body: { ...body, PageNumber, PageSize } }, i)),
		{ limit: limitOf(op, i) },
	);
	return items(op, records, INVOICE, i);
};
