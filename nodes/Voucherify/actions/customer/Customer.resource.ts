import { resourceDescription, type ResourceOperations } from '../../../shared';
import * as deleteOperation from './delete.operation';
import * as deletePermanently from './deletePermanently.operation';
import * as get from './get.operation';
import * as getActivities from './getActivities.operation';
import * as getActivity from './getActivity.operation';
import * as getAll from './getAll.operation';
import * as getRedeemables from './getRedeemables.operation';
import * as getSegments from './getSegments.operation';
import * as importCsv from './importCsv.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';
import * as updateManyMetadata from './updateManyMetadata.operation';
import * as upsert from './upsert.operation';

export const operations = {
	delete: deleteOperation,
	deletePermanently,
	get,
	getActivities,
	getActivity,
	getAll,
	getRedeemables,
	getSegments,
	importCsv,
	update,
	updateMany,
	updateManyMetadata,
	upsert,
} satisfies ResourceOperations;

export const description = resourceDescription('customer', operations, 'upsert');
