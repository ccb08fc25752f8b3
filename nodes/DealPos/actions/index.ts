import type { OperationHandler } from './context';
import { getInvoice, getInvoiceIdByNumber, getManyInvoices } from './invoice';
import {
	getCustomer,
	getLoyaltyHistory,
	getManyCustomers,
	getManyInventory,
	getManyOutlets,
	getManyPayments,
	getManyReturns,
	getManyWriteOffs,
	getPaymentsForInvoice,
} from './others';

export type { Operation, OperationHandler } from './context';

/** Every operation of the node, by `<resource>.<operation>`. */
export const OPERATIONS: Record<string, OperationHandler> = {
	'invoice.get': getInvoice,
	'invoice.getAll': getManyInvoices,
	'invoice.getIdByNumber': getInvoiceIdByNumber,
	'return.getAll': getManyReturns,
	'customer.get': getCustomer,
	'customer.getAll': getManyCustomers,
	'payment.getAll': getManyPayments,
	'payment.getForInvoice': getPaymentsForInvoice,
	'writeOff.getAll': getManyWriteOffs,
	'loyalty.getHistory': getLoyaltyHistory,
	'outlet.getAll': getManyOutlets,
	'inventory.getAll': getManyInventory,
};
