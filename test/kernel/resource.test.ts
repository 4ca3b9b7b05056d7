// A resource's description built from its operations map: the Operation dropdown, and each operation's fields shown
// only for that resource and operation, as n8n's editor decides what to show.
import {
	NodeHelpers,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
} from 'n8n-workflow';

import {
	resourceDescription,
	returnAllOrLimit,
	type OperationMap,
	type ResourceOperations,
} from '../../nodes/shared';

async function execute(this: IExecuteFunctions, itemIndex: number) {
	return { itemIndex };
}

async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return items;
}

const customerId: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	default: '',
};
const get = {
	menu: { name: 'Get', description: 'Get a customer', action: 'Get a customer' },
	properties: [customerId],
	execute,
};
const getAll = {
	menu: { name: 'Get Many', description: 'Get many customers', action: 'Get many customers' },
	properties: returnAllOrLimit(),
	execute,
};
const deleteOperation = {
	menu: { name: 'Delete', description: 'Delete a customer', action: 'Delete a customer' },
	properties: [],
	execute,
};
const merge = {
	menu: { name: 'Merge', description: 'Merge customers', action: 'Merge customers' },
	properties: [
		{
			displayName: 'Match By',
			name: 'matchBy',
			type: 'options',
			options: [
				{ name: 'ID', value: 'id' },
				{ name: 'Email', value: 'email' },
			],
			default: 'id',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			displayOptions: { show: { matchBy: ['email'] } },
			default: '',
		},
	] satisfies INodeProperties[],
	executeBatch,
};
// keys out of menu order on purpose: the dropdown sorts by name
const customerOperations = {
	merge,
	getAll,
	get,
	delete: deleteOperation,
} satisfies ResourceOperations;
const noteOperations = {
	get: {
		...get,
		menu: { name: 'Get', description: 'Get a note', action: 'Get a note' },
		properties: [{ ...customerId, displayName: 'Note ID', name: 'noteId' }],
	},
} satisfies ResourceOperations;

const customer = resourceDescription('customer', customerOperations, 'get');
const note = resourceDescription('note', noteOperations, 'get');
const NODE = { typeVersion: 1 };

/** Names of the fields n8n's editor shows for these parameter values. */
function shown(values: INodeParameters): string[] {
	return [...customer, ...note]
		.filter((p) => NodeHelpers.displayParameter(values, p, NODE, null))
		.map((p) => p.name);
}

test("the Operation dropdown lists every operation of the map by name, keyed by the map's keys", () => {
	const [menu] = customer;
	expect(menu).toMatchObject({
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'get',
		displayOptions: { show: { resource: ['customer'] } },
	});
	expect(menu.options).toEqual([
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a customer',
			action: 'Delete a customer',
		},
		{ name: 'Get', value: 'get', description: 'Get a customer', action: 'Get a customer' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many customers',
			action: 'Get many customers',
		},
		{ name: 'Merge', value: 'merge', description: 'Merge customers', action: 'Merge customers' },
	]);
});

test("each operation's fields show only for its own resource and operation", () => {
	expect(shown({ resource: 'customer', operation: 'get' })).toEqual(['operation', 'customerId']);
	expect(shown({ resource: 'customer', operation: 'delete' })).toEqual(['operation']);
	// the same operation name in another resource shows that resource's fields only
	expect(shown({ resource: 'note', operation: 'get' })).toEqual(['operation', 'noteId']);
	expect(customer.find((p) => p.name === 'customerId')?.displayOptions).toEqual({
		show: { resource: ['customer'], operation: ['get'] },
	});
});

test("an operation's own conditions (returnAll: [false], matchBy) are kept beside its resource and operation", () => {
	expect(shown({ resource: 'customer', operation: 'getAll', returnAll: false })).toEqual([
		'operation',
		'returnAll',
		'limit',
	]);
	expect(shown({ resource: 'customer', operation: 'getAll', returnAll: true })).toEqual([
		'operation',
		'returnAll',
	]);
	expect(shown({ resource: 'customer', operation: 'merge', matchBy: 'email' })).toEqual([
		'operation',
		'matchBy',
		'email',
	]);
	expect(shown({ resource: 'customer', operation: 'merge', matchBy: 'id' })).toEqual([
		'operation',
		'matchBy',
	]);
	expect(customer.find((p) => p.name === 'limit')?.displayOptions).toEqual({
		show: { returnAll: [false], resource: ['customer'], operation: ['getAll'] },
	});
	// the modules themselves are left as written: one module may serve in two resources
	expect(merge.properties[1].displayOptions).toEqual({ show: { matchBy: ['email'] } });
	expect(customerId.displayOptions).toBeUndefined();
});

test('a node hands its resources to routeItems as they are: { customer: customer.operations }', () => {
	// a type check above all: no cast is needed from ResourceOperations to what routeItems takes
	const operations: OperationMap = { customer: customerOperations, note: noteOperations };
	expect(Object.keys(operations.customer)).toEqual(['merge', 'getAll', 'get', 'delete']);
});
