import { resourceDescription, type ResourceOperations } from '../../../shared';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getByEmail from './getByEmail.operation';
import * as getDataTables from './getDataTables.operation';
import * as getEditorValues from './getEditorValues.operation';
import * as getMagicLink from './getMagicLink.operation';
import * as merge from './merge.operation';
import * as query from './query.operation';
import * as search from './search.operation';
import * as searchProfileValues from './searchProfileValues.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = {
	create,
	delete: deleteOperation,
	get,
	getAll,
	getByEmail,
	getDataTables,
	getEditorValues,
	getMagicLink,
	merge,
	query,
	search,
	searchProfileValues,
	update,
	upsert,
} satisfies ResourceOperations;

export const description = resourceDescription('customer', operations, 'get');
