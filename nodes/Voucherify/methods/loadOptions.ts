import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { describeDefinition } from '../actions/customer/metadata';
import { customerMetadataSchema } from '../transport/metadataSchemas';

/** The keys of the project's customer metadata schema, each with its type; a failed request reaches the user. */
export async function getCustomerMetadataKeys(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const schema = await customerMetadataSchema(this, 0);
	return Object.entries(schema?.properties ?? {})
		.map(([key, definition]) => ({
			name: key,
			value: key,
			description:
				describeDefinition(definition) +
				(definition.eq ? `: one of ${definition.eq.map((v) => JSON.stringify(v)).join(', ')}` : ''),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
