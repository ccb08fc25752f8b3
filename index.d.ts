// Types of the programmatic entry (index.js). The item types describe what the DealPOS Trigger
// outputs for each documented event after normalisation: `DealPosItemByEvent['customer.created']`.
export * from './dist/nodes/DealPosTrigger/items/types.generated';
export type { DealPosCategory, DealPosEvent, DealPosField } from './dist/nodes/DealPosTrigger/catalog/types';
export { DealPosTrigger } from './dist/nodes/DealPosTrigger/DealPosTrigger.node';
export { DealPosApi } from './dist/credentials/DealPosApi.credentials';
import * as catalogModule from './dist/nodes/DealPosTrigger/catalog';
export declare const catalog: typeof catalogModule;
export declare const CATEGORIES: typeof catalogModule.CATEGORIES;
export declare const events: import('./dist/nodes/DealPosTrigger/catalog/types').DealPosEvent[];
