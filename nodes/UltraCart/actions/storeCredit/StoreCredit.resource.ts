import { resourceDescription, type ResourceOperations } from '../../../shared';

import * as add from './add.operation';
import * as get from './get.operation';

export const operations = { add, get } satisfies ResourceOperations;

export const description = resourceDescription('storeCredit', operations, 'get');
