import { resourceDescription, type ResourceOperations } from '../../../shared';
import * as get from './get.operation';

export const operations = { get } satisfies ResourceOperations;

export const description = resourceDescription('asyncAction', operations, 'get');
