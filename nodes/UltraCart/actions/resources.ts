import type { INodeProperties } from 'n8n-workflow';

import * as adjustCashback from './cashback/adjust.operation';
import * as create from './customer/create.operation';
import * as deleteCustomer from './customer/deleteCustomer.operation';
import * as get from './customer/get.operation';
import * as getAll from './customer/getAll.operation';
import * as getByEmail from './customer/getByEmail.operation';
import * as getDataTables from './customer/getDataTables.operation';
import * as getEditorValues from './customer/getEditorValues.operation';
import * as getMagicLink from './customer/getMagicLink.operation';
import * as merge from './customer/merge.operation';
import * as query from './customer/query.operation';
import * as search from './customer/search.operation';
import * as searchProfileValues from './customer/searchProfileValues.operation';
import * as update from './customer/update.operation';
import * as getEmailLists from './emailList/getAll.operation';
import * as updateSubscriptions from './emailList/updateSubscriptions.operation';
import * as createToken from './emailVerification/createToken.operation';
import * as validateToken from './emailVerification/validateToken.operation';
import * as addStoreCredit from './storeCredit/add.operation';
import * as getStoreCredit from './storeCredit/get.operation';
import * as createWishlistItem from './wishlistItem/create.operation';
import * as deleteWishlistItem from './wishlistItem/deleteItem.operation';
import * as getWishlistItem from './wishlistItem/get.operation';
import * as getWishlistItems from './wishlistItem/getAll.operation';
import * as updateWishlistItem from './wishlistItem/update.operation';

import type { OperationMap } from '../../shared';

export const operations: OperationMap = {
	customer: { create, delete: deleteCustomer, get, getByEmail, getAll, query, search, update, merge, getMagicLink, getDataTables, getEditorValues, searchProfileValues },
	storeCredit: { add: addStoreCredit, get: getStoreCredit },
	cashback: { adjust: adjustCashback },
	emailList: { getAll: getEmailLists, updateSubscriptions },
	emailVerification: { createToken, validateToken },
	wishlistItem: { create: createWishlistItem, delete: deleteWishlistItem, get: getWishlistItem, getAll: getWishlistItems, update: updateWishlistItem },
};

function operationSelector(resource: string, defaultOperation: string, options: Array<[string, string, string, string]>): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: options.map(([name, value, description, action]) => ({ name, value, description, action })),
		default: defaultOperation,
	};
}

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Cashback', value: 'cashback' },
			{ name: 'Customer', value: 'customer' },
			{ name: 'Email List', value: 'emailList' },
			{ name: 'Email Verification', value: 'emailVerification' },
			{ name: 'Store Credit', value: 'storeCredit' },
			{ name: 'Wishlist Item', value: 'wishlistItem' },
		],
		default: 'customer',
	},
	operationSelector('customer', 'get', [
		['Create', 'create', 'Create a customer', 'Create a customer'],
		['Delete', 'delete', 'Delete a customer', 'Delete a customer'],
		['Get', 'get', 'Get a customer by ID', 'Get a customer'],
		['Get by Email', 'getByEmail', 'Get a customer by email address', 'Get a customer by email'],
		['Get Data Tables', 'getDataTables', 'Get customers in the DataTables format', 'Get customers for data tables'],
		['Get Editor Values', 'getEditorValues', 'Get the values the customer editor offers (countries, terms, …)', 'Get customer editor values'],
		['Get Magic Link', 'getMagicLink', 'Get a link to log in to a storefront as the customer', 'Get a magic link for a customer'],
		['Get Many', 'getAll', 'Get many customers, with filters', 'Get many customers'],
		['Merge', 'merge', 'Merge another customer into this one', 'Merge a customer'],
		['Query', 'query', 'Find customers with a query (tags, emails, dates)', 'Query customers'],
		['Search', 'search', 'Search customers by text', 'Search customers'],
		['Search Profile Values', 'searchProfileValues', 'Look up values used in customer profiles, such as tags', 'Search customer profile values'],
		['Update', 'update', 'Update a customer', 'Update a customer'],
	]),
	operationSelector('storeCredit', 'get', [
		['Add', 'add', 'Add store credit to a customer', 'Add store credit'],
		['Get', 'get', "Get a customer's store credit", 'Get store credit'],
	]),
	operationSelector('cashback', 'adjust', [['Adjust', 'adjust', "Adjust a customer's loyalty cashback balance", 'Adjust cashback balance']]),
	operationSelector('emailList', 'getAll', [
		['Get Many', 'getAll', 'Get the email lists of the account', 'Get many email lists'],
		['Update Subscriptions', 'updateSubscriptions', 'Subscribe a customer to lists or unsubscribe them', 'Update email list subscriptions'],
	]),
	operationSelector('emailVerification', 'createToken', [
		['Create Token', 'createToken', 'Create a token to verify an email address', 'Create an email verification token'],
		['Validate Token', 'validateToken', 'Check an email verification token', 'Validate an email verification token'],
	]),
	operationSelector('wishlistItem', 'getAll', [
		['Create', 'create', 'Add an item to a customer wishlist', 'Create a wishlist item'],
		['Delete', 'delete', 'Remove an item from a customer wishlist', 'Delete a wishlist item'],
		['Get', 'get', 'Get a wishlist item', 'Get a wishlist item'],
		['Get Many', 'getAll', "Get a customer's wishlist", 'Get many wishlist items'],
		['Update', 'update', 'Update a wishlist item', 'Update a wishlist item'],
	]),
	...Object.values(operations).flatMap((ops) => Object.values(ops).flatMap((op) => (op as unknown as { description: INodeProperties[] }).description)),
];
