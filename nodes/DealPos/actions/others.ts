import type { IDataObject } from 'n8n-workflow';

import { CUSTOMER, INVENTORY, INVOICE, LOYALTY_ENTRY, OUTLET, PAYMENT, WRITE_OFF } from '../records';
import { collectPages } from '../transport/paging';
import {
	arrayOf,
	dateRange,
	day,
	firstN,
	items,
	limitOf,
	names,
	outletQuery,
	param,
	required,
	type OperationHandler,
} from './context';

/** POST /Invoice/Return {From, To}: one answer (no paging documented). */
export const getManyReturns: OperationHandler = async (op, i) => {
	const answer = await op.client.call({ method: 'POST', path: '/Invoice/Return', body: dateRange(op, i) }, i);
	return items(op, firstN(arrayOf(answer), limitOf(op, i)), INVOICE, i);
};

/** GET /Customer/Detail by ID, Code, Email or MobilePhone. */
export const getCustomer: OperationHandler = async (op, i) => {
	const by = param<string>(op, 'findBy', i, 'Code');
	const qs = { [by]: required(op, 'value', 'Value', i) };
	const answer = await op.client.call({ method: 'GET', path: '/Customer/Detail', qs }, i);
	return items(op, [answer], CUSTOMER, i);
};

/** POST /Customer/p {Name, Outlet, From, To, PageNumber, PageSize}: a bare array per page. */
export const getManyCustomers: OperationHandler = async (op, i) => {
	const filters = param<IDataObject>(op, 'filters', i, {});
	const body: IDataObject = {};
	if (filters.name) body.Name = filters.name;
	if (filters.outlet) body.Outlet = filters.outlet;
	if (filters.from) body.From = day(op, filters.from, 'Joined From', i);
	if (filters.to) body.To = day(op, filters.to, 'Joined To', i);
	const records = await collectPages(
		async (PageNumber, PageSize) => ({
			records: arrayOf(await op.client.call({ method: 'POST', path: '/Customer/p', body: { ...body, PageNumber, PageSize } }, i)),
		}),
		{ limit: limitOf(op, i) },
	);
	return items(op, records, CUSTOMER, i);
};

/** A payment with its group's outlet beside it (the payment's own Outlet wins when it has one). */
function withOutlet(group: IDataObject): IDataObject[] {
	const payments = Array.isArray(group.Payments) ? (group.Payments as IDataObject[]) : [];
	return payments.map((payment) => ({ Outlet: group.Outlet, ...payment }));
}

/** POST /Payment/Invoice {From, To} -> [{Outlet, Payments: [...]}]: one item per payment. */
export const getManyPayments: OperationHandler = async (op, i) => {
	const answer = await op.client.call({ method: 'POST', path: '/Payment/Invoice', body: dateRange(op, i) }, i);
	const payments = arrayOf(answer).flatMap(withOutlet);
	return items(op, firstN(payments, limitOf(op, i)), PAYMENT, i);
};

/**
 * GET /Payment/Invoice/Detail/ID?ID=<invoice ID>. The path is documented (newer docs); its
 * parameter and answer are not: an array of payments, or groups like /Payment/Invoice, or one.
 */
export const getPaymentsForInvoice: OperationHandler = async (op, i) => {
	const qs = { ID: required(op, 'invoiceId', 'Invoice ID', i) };
	const answer = await op.client.call({ method: 'GET', path: '/Payment/Invoice/Detail/ID', qs }, i);
	const list = Array.isArray(answer) ? (answer as IDataObject[]) : answer ? [answer as IDataObject] : [];
	const payments = list.flatMap((entry) => (Array.isArray(entry?.Payments) ? withOutlet(entry) : [entry]));
	return items(op, payments, PAYMENT, i);
};

/** GET /WriteOff/Invoice?From=&To=&Outlet= (or OutletID). */
export const getManyWriteOffs: OperationHandler = async (op, i) => {
	const filters = param<IDataObject>(op, 'filters', i, {});
	const outlet = String(filters.outlet ?? '').trim();
	const qs = { ...dateRange(op, i), ...(outlet ? outletQuery(outlet) : {}) };
	const answer = await op.client.call({ method: 'GET', path: '/WriteOff/Invoice', qs }, i);
	return items(op, firstN(arrayOf(answer), limitOf(op, i)), WRITE_OFF, i);
};

/** POST /LoyaltyPoint/EmailOrPhone {Email or MobilePhone, From, To, PageNumber, PageSize}. */
export const getLoyaltyHistory: OperationHandler = async (op, i) => {
	const by = param<string>(op, 'findBy', i, 'Email');
	const body: IDataObject = { [by]: required(op, 'value', 'Value', i), ...dateRange(op, i, true) };
	const records = await collectPages(
		async (PageNumber, PageSize) => ({
			records: arrayOf(await op.client.call({ method: 'POST', path: '/LoyaltyPoint/EmailOrPhone', body: { ...body, PageNumber, PageSize } }, i)),
		}),
		{ limit: limitOf(op, i) },
	);
	return items(op, records, LOYALTY_ENTRY, i);
};

/** GET /Outlet?Name= */
export const getManyOutlets: OperationHandler = async (op, i) => {
	const filters = param<IDataObject>(op, 'filters', i, {});
	const qs: IDataObject = {};
	if (filters.name) qs.Name = filters.name;
	const answer = await op.client.call({ method: 'GET', path: '/Outlet', qs }, i);
	return items(op, firstN(arrayOf(answer), limitOf(op, i)), OUTLET, i);
};

/** GET /Inventory?PageNumber=&PageSize=&ListOutlet=&Category=&QuantityFrom=&Discontinued=&Tags= */
export const getManyInventory: OperationHandler = async (op, i) => {
	const filters = param<IDataObject>(op, 'filters', i, {});
	const qs: IDataObject = {};
	// Inferred: list parameters as comma-separated values (the documentation names them only).
	if (names(filters.outlets).length) qs.ListOutlet = names(filters.outlets).join(',');
	if (names(filters.tags).length) qs.Tags = names(filters.tags).join(',');
	if (filters.category) qs.Category = filters.category;
	if (filters.quantityFrom !== undefined && filters.quantityFrom !== '') qs.QuantityFrom = filters.quantityFrom;
	if (filters.discontinued !== undefined) qs.Discontinued = filters.discontinued;
	const records = await collectPages(
		async (PageNumber, PageSize) => ({
			records: arrayOf(await op.client.call({ method: 'GET', path: '/Inventory', qs: { ...qs, PageNumber, PageSize } }, i)),
		}),
		{ limit: limitOf(op, i) },
	);
	return items(op, records, INVENTORY, i);
};
