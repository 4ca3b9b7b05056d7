import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, requiredString, type OperationMenuEntry } from '../../../shared';
import { multipartFile, voucherifyRequest } from '../../transport';
import { asyncOutcome, waitForCompletionProperties } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Import From CSV File',
	description: 'Import customers from a CSV file',
	action: 'Import customers from a CSV file',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description:
			"The binary field of the input item that holds the CSV file (e.g. from Read File or Convert to File). Columns as in Voucherify's template: Name, Source_id, Description, Email, Phone, Address_line_1, Address_line_2, City, Postal_Code, State, Country, Birthdate; any other column becomes metadata.",
	},
	...waitForCompletionProperties,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const property = requiredString(this, 'binaryPropertyName', itemIndex, 'Input Binary Field');
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const content = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	if (content.length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Input Binary Field',
			`holds an empty file (${binary.fileName ?? property})`,
		);
	const { body, contentType } = multipartFile(
		binary.fileName ?? 'customers.csv',
		binary.mimeType || 'text/csv',
		content,
	);
	// An import may create customers: it is not sent twice unless Voucherify refused it.
	const accepted = await voucherifyRequest(this, itemIndex, {
		method: 'POST',
		path: '/v1/customers/importCSV',
		body,
		headers: { 'Content-Type': contentType },
		safeToRepeat: false,
	});
	return await asyncOutcome(this, itemIndex, accepted);
}
