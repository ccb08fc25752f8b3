import type { IDataObject } from 'n8n-workflow';

/** A field's type as DealPOS documents it. */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/**
 * Extra meaning of a documented field:
 * - `date-time`: a DealPOS timestamp (local time, usually without offset);
 * - `date`: a calendar date;
 * - `uuid`: an identifier;
 * - `yes-no`: a flag sent as the word "Yes" or "No".
 */
export type FieldFormat = 'date-time' | 'date' | 'uuid' | 'yes-no';

export interface DealPosField {
	/** Path in the body: `Customer.Name`, `Variants[].Quantity`. */
	path: string;
	type: FieldType;
	format?: FieldFormat;
	/** Documented as required. */
	required?: true;
	/** Documented as non-empty. */
	nonEmpty?: true;
	/** Type of the items of an array of scalars. */
	itemsType?: FieldType;
	enum?: string[];
	/**
	 * Not documented for this event: the key of the documented event whose field this is
	 * (a sibling of the same category, or the record an undocumented array holds). Typed like
	 * there, never required.
	 */
	borrowedFrom?: string;
}

/** One documented answer of a synchronous (loyalty) event. */
export interface DealPosAnswer {
	label: string;
	status: number;
	body: IDataObject;
}

export interface DealPosEvent {
	/** Stable key, `<category slug>.<event slug>`: `customer.created`. */
	key: string;
	/** Category slug: `customer`. */
	category: string;
	/** Last URL segment: `created`. */
	slug: string;
	name: string;
	/** When DealPOS sends it. */
	description: string;
	/** DealPOS waits for, and uses, the answer body (loyalty events). */
	synchronous: boolean;
	/** Whether the documentation of the payload could be read in full. */
	documented: 'complete' | 'partial';
	docUrl?: string;
	fields: DealPosField[];
	/** The documented example body, when the documentation has a complete one. */
	example?: IDataObject;
	/**
	 * `documented`: the example is DealPOS's own. `synthetic`: DealPOS gives none, so it was built
	 * from the fields (dev/lib/synthetic.js); items of exactly this body are marked
	 * `dealpos.syntheticExample`.
	 */
	exampleSource?: 'documented' | 'synthetic';
	exampleNote?: string;
	/** An older documentation version of the same event. */
	olderVersion?: { name: string; fields: DealPosField[] };
	/** Documented answers (synchronous events only). */
	answers?: DealPosAnswer[];
	answerFields?: DealPosField[];
}

export interface DealPosCategory {
	/** URL segment: `invoice-payment`. */
	slug: string;
	name: string;
	description: string;
	/** Where in DealPOS the admin enters this category's URLs. */
	setupPlace: string;
	events: DealPosEvent[];
}
