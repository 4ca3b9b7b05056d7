import { resourceDescription, type ResourceOperations } from '../../../shared';
import * as getAll from './getAll.operation';
import * as getByIds from './getByIds.operation';
import * as getNextPage from './getNextPage.operation';

export const operations = { getAll, getByIds, getNextPage } satisfies ResourceOperations;

export const description = resourceDescription('customer', operations, 'getAll');
