// The package's programmatic entry (index.js re-exports this): the nodes and credential classes,
// the event catalog, and the TypeScript types of every documented event's item.
import * as catalog from './DealPosTrigger/catalog';

export { DealPosTrigger } from './DealPosTrigger/DealPosTrigger.node';
export { DealPosWebhookAuthApi } from '../credentials/DealPosWebhookAuthApi.credentials';
export { DealPos } from './DealPos/DealPos.node';
export { DealPosCatchUpTrigger } from './DealPosCatchUp/DealPosCatchUpTrigger.node';
export { DealPosApi } from '../credentials/DealPosApi.credentials';
export { catalog };
export type * from './DealPosTrigger/items/types.generated';
export type { DealPosCategory, DealPosEvent, DealPosField } from './DealPosTrigger/catalog';

/** Every category, with its events, in documentation order. */
export const CATEGORIES = catalog.CATEGORIES;

/** Every documented event. */
export const events = catalog.allEvents();
