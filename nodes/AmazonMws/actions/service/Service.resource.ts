import { resourceDescription, type ResourceOperations } from '../../../shared';
import * as getStatus from './getStatus.operation';

export const operations = { getStatus } satisfies ResourceOperations;

export const description = resourceDescription('service', operations, 'getStatus');
