import { resourceDescription, type ResourceOperations } from '../../../shared';

import * as adjust from './adjust.operation';

export const operations = { adjust } satisfies ResourceOperations;

export const description = resourceDescription('cashback', operations, 'adjust');
