import type { INodeProperties } from 'n8n-workflow';

export declare function operationTable(properties: INodeProperties[]): string;
export declare function withTable(readme: string, table: string): string;
export declare function tableIn(readme: string): string | undefined;
export declare const ENDPOINTS: Record<string, string>;
export declare const START: string;
export declare const END: string;
