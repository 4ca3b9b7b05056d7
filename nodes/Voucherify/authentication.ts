import type { INodeCredentialDescription } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './transport';

/** Voucherify has one credential type, so no Authentication choice: only the credential list both nodes use. */
export const credentials: INodeCredentialDescription[] = [
	{ name: CREDENTIAL_TYPE, required: true },
];
