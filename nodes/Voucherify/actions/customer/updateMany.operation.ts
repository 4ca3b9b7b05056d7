import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	asNodeError,
	EMAIL_PATTERN,
	errorItem,
	invalidParameter,
	requiredString,
	type OperationMenuEntry,
} from '../../../shared';
import { awaitAsyncAction, voucherifyRequest } from '../../transport';
import { asyncActionWait, waitForCompletionProperties } from '../fields';
import { customerBody, customerFieldsCollection, metadataAndJsonProperties } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Update Many',
	description: 'Update or create the customers of all input items in one bulk request',
	action: 'Update many customers',
};
/** Voucherify refuses bulk bodies over 10 MB (413). */
export const MAX_BULK_BYTES = 10 * 1024 * 1024;

export const properties: INodeProperties[] = [
	{
		displayName:
			'All input items are sent to Voucherify in one bulk request (split only where the 10 MB limit requires); customers not found are created',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Source ID',
		name: 'sourceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.email }}',
		description: 'Your unique ID of the customer, usually mapped from each input item',
	},
	customerFieldsCollection('updateFields', 'Update Fields'),
	...metadataAndJsonProperties,
	...waitForCompletionProperties,
];

const CUSTOMER_TEXT_FIELDS = ['name', 'description', 'email', 'phone'];
const CUSTOMER_DATE_FIELDS = ['birthdate', 'birthday'];
const ADDRESS_FIELDS = ['city', 'state', 'line_1', 'line_2', 'country', 'postal_code'];

function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** What Voucherify's contract for one bulk row (CustomersUpdateInBulkRequestBody) would refuse in it, if anything. */
export function bulkRowProblem(row: IDataObject): string | undefined {
	const present = (key: string) => row[key] !== undefined && row[key] !== null;
	for (const key of CUSTOMER_TEXT_FIELDS)
		if (present(key) && typeof row[key] !== 'string')
			return `${key} must be text, not ${JSON.stringify(row[key])}`;
	if (present('email') && !EMAIL_PATTERN.test(String(row.email)))
		return `email is not an email address: "${String(row.email)}"`;
	for (const key of CUSTOMER_DATE_FIELDS) {
		if (present(key) && !(typeof row[key] === 'string' && isCalendarDate(row[key] as string)))
			return `${key} must be a date in the format YYYY-MM-DD, not ${JSON.stringify(row[key])}`;
	}
	if (present('address')) {
		const address = row.address as IDataObject;
		if (typeof address !== 'object' || Array.isArray(address))
			return `address must be an object, not ${JSON.stringify(address)}`;
		for (const key of ADDRESS_FIELDS)
			if (address[key] !== undefined && address[key] !== null && typeof address[key] !== 'string')
				return `address.${key} must be text, not ${JSON.stringify(address[key])}`;
	}
	if (present('metadata') && (typeof row.metadata !== 'object' || Array.isArray(row.metadata)))
		return `metadata must be an object, not ${JSON.stringify(row.metadata)}`;
	return undefined;
}

/** Splits rows into chunks whose JSON array stays under the byte limit. */
export function chunkBySize(rows: IDataObject[], maxBytes: number): IDataObject[][] {
	const chunks: IDataObject[][] = [];
	let current: IDataObject[] = [];
	let size = 2;
	for (const row of rows) {
		const rowSize = Buffer.byteLength(JSON.stringify(row)) + 1;
		if (current.length && size + rowSize > maxBytes) {
			chunks.push(current);
			current = [];
			size = 2;
		}
		current.push(row);
		size += rowSize;
	}
	if (current.length) chunks.push(current);
	return chunks;
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = new Array(items.length);
	const rows: Array<{ itemIndex: number; row: IDataObject }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		// A row Voucherify's contract would refuse stays out of the request, so it cannot fail the others.
		let sourceId: string | null = null;
		let problem: string | undefined;
		try {
			sourceId = requiredString(this, 'sourceId', itemIndex, 'Source ID');
			const row = { ...customerBody(this, itemIndex, 'updateFields'), source_id: sourceId };
			if (Buffer.byteLength(JSON.stringify(row)) > MAX_BULK_BYTES)
				invalidParameter(
					this,
					itemIndex,
					'Update Fields',
					'make this customer larger than the 10 MB Voucherify accepts',
				);
			problem = bulkRowProblem(row);
			if (!problem) rows.push({ itemIndex, row });
		} catch (error) {
			problem = (error as Error).message;
		}
		if (problem)
			output[itemIndex] = {
				json: { source_id: sourceId, status: 'FAILED', error: problem, sent: false },
				pairedItem: { item: itemIndex },
			};
	}

	const waitForCompletion = this.getNodeParameter('waitForCompletion', 0, true) as boolean;
	let sent = 0;
	for (const chunk of chunkBySize(
		rows.map((r) => r.row),
		MAX_BULK_BYTES,
	)) {
		const members = rows.slice(sent, sent + chunk.length);
		sent += chunk.length;
		try {
			// A bulk update is an upsert keyed by source_id: sending it again changes nothing more.
			const accepted = await voucherifyRequest(this, members[0].itemIndex, {
				method: 'POST',
				path: '/v1/customers/bulk/async',
				body: chunk as unknown as IDataObject,
				safeToRepeat: true,
			});
			const asyncActionId = String(accepted.async_action_id);
			const action = waitForCompletion
				? await awaitAsyncAction(
						this,
						members[0].itemIndex,
						asyncActionId,
						asyncActionWait(this, members[0].itemIndex),
					)
				: undefined;
			const result = action?.result as IDataObject | undefined;
			const errors = (result?.errors ?? []) as IDataObject[];
			// A whole action that FAILED names no row: each item then carries the action's own reason
			const actionReason =
				action?.status === 'FAILED'
					? String(
							result?.message ??
								result?.error ??
								'Voucherify marked the whole bulk update FAILED; see the async action for details',
						)
					: undefined;
			for (const { itemIndex, row } of members) {
				const rowError = errors.find((e) => e.source_id === row.source_id);
				const error = rowError ? (rowError.details ?? rowError.message) : actionReason;
				output[itemIndex] = {
					json: {
						source_id: row.source_id,
						async_action_id: asyncActionId,
						...(action
							? {
									status: rowError ? 'FAILED' : action.status,
									...(error !== undefined ? { error } : {}),
									...(action.waitTimedOut ? { waitTimedOut: true } : {}),
								}
							: {}),
					},
					pairedItem: { item: itemIndex },
				};
			}
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, members[0].itemIndex);
			for (const { itemIndex } of members) output[itemIndex] = errorItem(error, itemIndex);
		}
	}
	return output.filter(Boolean);
}
