export interface StandInOptions {
	limit?: number;
	windowSeconds?: number;
	pageCap?: number;
	pageCapMode?: 'truncate' | 'clamp';
	clients?: Array<{ id: string; secret: string }>;
	tokenSeconds?: number;
	data?: { invoices?: number; customers?: number; seed?: number };
	port?: number;
}

export interface LogEntry {
	at: number;
	window: number;
	method: string;
	path: string;
	status: number;
	by: 'client' | 'other';
}

export interface StandIn {
	origin: string;
	url: string;
	clients: Array<{ id: string; secret: string }>;
	data: Record<string, Array<Record<string, unknown>>>;
	log: LogEntry[];
	/** Emits 'request' with each LogEntry after the answer is sent. */
	events: {
		on(event: 'request', listener: (entry: LogEntry) => void): unknown;
		off(event: 'request', listener: (entry: LogEntry) => void): unknown;
	};
	limit: number;
	windowSeconds: number;
	windows(): Array<{ index: number; received: number; served: number; rejected: number }>;
	consume(n: number): void;
	msToNextWindow(): number;
	expireTokens(): void;
	close(): Promise<void>;
}

export declare function startStandIn(options?: StandInOptions): Promise<StandIn>;
export declare function buildData(options?: StandInOptions['data']): Record<string, unknown[]>;
export declare const NO_DATE: string;
