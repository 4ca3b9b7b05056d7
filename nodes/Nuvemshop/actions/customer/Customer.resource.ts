import { resourceDescription, type ResourceOperations } from '../../../shared';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = {
	create,
	delete: deleteOperation,
	get,
	getAll,
	update,
	upsert,
} satisfies ResourceOperations;

export const description = resourceDescription('customer', operations, 'getAll');
