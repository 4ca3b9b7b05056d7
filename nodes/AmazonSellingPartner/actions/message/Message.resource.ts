import {
	resourceDescription,
	type OperationModule,
	type ResourceOperations,
} from '../../../shared';
import * as getActions from './getActions.operation';
import * as getAttributes from './getAttributes.operation';
import { MESSAGE_TYPES, type SendOperationName } from './messageTypes';
import { sendOperation } from './send.operation';

/** One send operation per message type, keyed by the type's operation value. */
const sendOperations = Object.fromEntries(
	MESSAGE_TYPES.map((type) => [type.operation, sendOperation(type)]),
) as Record<SendOperationName, OperationModule>;

export const operations = {
	getActions,
	getAttributes,
	...sendOperations,
} satisfies ResourceOperations;

export const description = resourceDescription('message', operations, 'getActions');
