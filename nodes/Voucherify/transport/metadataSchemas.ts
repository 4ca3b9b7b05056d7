import type { IDataObject } from 'n8n-workflow';

import { voucherifyRequest, type VoucherifyContext } from './index';

/** One metadata key of a schema (MetadataSchemaDefinition): its type, whether it is a list, allowed values. */
export interface MetadataDefinition {
	type: string;
	array: boolean;
	/** Allowed values (`is equal to any of` in the dashboard). */
	eq?: unknown[];
}

/** A project's metadata schema of one object (customer): the keys it defines, and whether only those may be used. */
export interface MetadataSchema {
	properties: Record<string, MetadataDefinition>;
	allowDefinedOnly: boolean;
}

/** The customer schema of `GET /v1/metadata-schemas` (definitions marked deleted left out); undefined when the project has none. */
export async function customerMetadataSchema(
	ctx: VoucherifyContext,
	itemIndex: number,
): Promise<MetadataSchema | undefined> {
	const list = await voucherifyRequest<{ schemas?: IDataObject[] }>(ctx, itemIndex, {
		method: 'GET',
		path: '/v1/metadata-schemas',
		safeToRepeat: true,
	});
	const schema = (list.schemas ?? []).find((s) => s.related_object === 'customer');
	if (!schema) return undefined;
	const properties: Record<string, MetadataDefinition> = {};
	for (const [key, raw] of Object.entries(
		(schema.properties ?? {}) as Record<string, IDataObject>,
	)) {
		if (!raw || raw.deleted === true) continue;
		properties[key] = {
			type: String(raw.type ?? 'string'),
			array: raw.array === true,
			...(Array.isArray(raw.eq) && raw.eq.length ? { eq: raw.eq } : {}),
		};
	}
	return { properties, allowDefinedOnly: schema.allow_defined_only === true };
}

/** One schema read per execution of the node, shared by its items (a failed read is tried again by the next item). */
const perExecution = new WeakMap<object, Promise<MetadataSchema | undefined>>();

export async function cachedCustomerMetadataSchema(
	ctx: VoucherifyContext,
	itemIndex: number,
): Promise<MetadataSchema | undefined> {
	let schema = perExecution.get(ctx);
	if (!schema) {
		schema = customerMetadataSchema(ctx, itemIndex);
		perExecution.set(ctx, schema);
		schema.catch(() => perExecution.delete(ctx));
	}
	return await schema;
}
