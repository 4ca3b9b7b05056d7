import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport';
import { MARKETPLACES, regionOf } from '../transport/marketplaces';

/** The marketplaces of the credential's region (a missing or unreadable credential fails with n8n's own message). */
export async function getMarketplaces(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const region = regionOf(credentials.region);
	return MARKETPLACES.filter((m) => m.region === region)
		.map((m) => ({ name: `${m.name} (${m.country})`, value: m.id, description: m.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
