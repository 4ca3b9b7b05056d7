import { resourceDescription, type ResourceOperations } from '../../../shared';

import * as getAll from './getAll.operation';
import * as updateSubscriptions from './updateSubscriptions.operation';

export const operations = { getAll, updateSubscriptions } satisfies ResourceOperations;

export const description = resourceDescription('emailList', operations, 'getAll');
