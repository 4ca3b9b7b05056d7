import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { asNodeError, errorItem, invalidParameter, requiredString } from '../../../shared';
import { awaitAsyncAction, voucherifyRequest, waitForCompletionProperties } from '../../transport';
import { customerBody, customerFieldsCollection, metadataAndJsonProperties } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['updateMany'] } };
/** Voucherify refuses bulk bodies over 10 MB (413). */
export const MAX_BULK_BYTES = 10 * 1024 * 1024;

const properties: INodeProperties[] = [
	{
		displayName: 'All input items are sent to Voucherify in one bulk request (split only where the 10 MB limit requires); customers not found are created',
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

export const description = updateDisplayOptions(displayOptions, properties);

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

export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = new Array(items.length);
	const rows: Array<{ itemIndex: number; row: IDataObject }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const sourceId = requiredString(this, 'sourceId', itemIndex, 'Source ID');
			const row = { ...customerBody(this, itemIndex, 'updateFields'), source_id: sourceId };
			if (Buffer.byteLength(JSON.stringify(row)) > MAX_BULK_BYTES) invalidParameter(this, itemIndex, 'Update Fields', 'make this customer larger than the 10 MB Voucherify accepts');
			rows.push({ itemIndex, row });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output[itemIndex] = errorItem(error, itemIndex);
		}
	}

	const waitForCompletion = this.getNodeParameter('waitForCompletion', 0, true) as boolean;
	let sent = 0;
	for (const chunk of chunkBySize(rows.map((r) => r.row), MAX_BULK_BYTES)) {
		const members = rows.slice(sent, sent + chunk.length);
		sent += chunk.length;
		try {
			// A bulk update is an upsert keyed by source_id: sending it again changes nothing more.
			const accepted = await voucherifyRequest(this, members[0].itemIndex, { method: 'POST', path: '/v1/customers/bulk/async', body: chunk as unknown as IDataObject, safeToRepeat: true });
			const asyncActionId = String(accepted.async_action_id);
			const action = waitForCompletion ? await awaitAsyncAction(this, members[0].itemIndex, asyncActionId) : undefined;
			const result = action?.result as IDataObject | undefined;
			const errors = (result?.errors ?? []) as IDataObject[];
			// A whole action that FAILED names no row: each item then carries the action's own reason
			const actionReason = action?.status === 'FAILED' ? String(result?.message ?? result?.error ?? 'Voucherify marked the whole bulk update FAILED; see the async action for details') : undefined;
			for (const { itemIndex, row } of members) {
				const rowError = errors.find((e) => e.source_id === row.source_id);
				const error = rowError ? (rowError.details ?? rowError.message) : actionReason;
				output[itemIndex] = {
					json: {
						source_id: row.source_id,
						async_action_id: asyncActionId,
						...(action ? { status: rowError ? 'FAILED' : action.status, ...(error !== undefined ? { error } : {}), ...(action.waitTimedOut ? { waitTimedOut: true } : {}) } : {}),
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
