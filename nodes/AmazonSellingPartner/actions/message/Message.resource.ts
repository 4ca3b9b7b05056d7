import type { INodeProperties } from 'n8n-workflow';

import * as getActions from './getActions.operation';
import * as getAttributes from './getAttributes.operation';
import { orderProperties } from './order';
import * as sendAmazonMotors from './sendAmazonMotors.operation';
import * as sendConfirmCustomizationDetails from './sendConfirmCustomizationDetails.operation';
import * as sendConfirmDeliveryDetails from './sendConfirmDeliveryDetails.operation';
import * as sendConfirmOrderDetails from './sendConfirmOrderDetails.operation';
import * as sendConfirmServiceDetails from './sendConfirmServiceDetails.operation';
import * as sendDigitalAccessKey from './sendDigitalAccessKey.operation';
import * as sendInvoice from './sendInvoice.operation';
import * as sendLegalDisclosure from './sendLegalDisclosure.operation';
import * as sendNegativeFeedbackRemoval from './sendNegativeFeedbackRemoval.operation';
import * as sendUnexpectedProblem from './sendUnexpectedProblem.operation';
import * as sendWarranty from './sendWarranty.operation';

export {
	getActions,
	getAttributes,
	sendAmazonMotors,
	sendConfirmCustomizationDetails,
	sendConfirmDeliveryDetails,
	sendConfirmOrderDetails,
	sendConfirmServiceDetails,
	sendDigitalAccessKey,
	sendInvoice,
	sendLegalDisclosure,
	sendNegativeFeedbackRemoval,
	sendUnexpectedProblem,
	sendWarranty,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Allowed Message Types',
				value: 'getActions',
				description: 'List the message types Amazon lets you send for an order right now',
				action: 'Get allowed message types for an order',
			},
			{
				name: 'Get Buyer Attributes',
				value: 'getAttributes',
				description: "Get the buyer's preferred language (locale) for an order",
				action: 'Get buyer attributes for an order',
			},
			{
				name: 'Send Amazon Motors Message (Legacy)',
				value: 'sendAmazonMotors',
				description: 'Send Amazon Motors order details with files. Amazon removed this operation from its API in 2026.',
				action: 'Send an amazon motors message',
			},
			{
				name: 'Send Confirm Customization Details',
				value: 'sendConfirmCustomizationDetails',
				description: 'Ask the buyer to provide or verify customization details (name spelling, images, initials)',
				action: 'Send a customization details message',
			},
			{
				name: 'Send Confirm Delivery Details',
				value: 'sendConfirmDeliveryDetails',
				description: 'Arrange a delivery or confirm contact information for making a delivery',
				action: 'Send a delivery details message',
			},
			{
				name: 'Send Confirm Order Details',
				value: 'sendConfirmOrderDetails',
				description: 'Ask the buyer an order-related question before shipping',
				action: 'Send an order details message',
			},
			{
				name: 'Send Confirm Service Details',
				value: 'sendConfirmServiceDetails',
				description: 'Contact a Home Services buyer to arrange or prepare a service call',
				action: 'Send a service details message',
			},
			{
				name: 'Send Digital Access Key',
				value: 'sendDigitalAccessKey',
				description: 'Share a key the buyer needs to use digital content in the order',
				action: 'Send a digital access key message',
			},
			{
				name: 'Send Invoice',
				value: 'sendInvoice',
				description: 'Send the buyer an invoice file',
				action: 'Send an invoice message',
			},
			{
				name: 'Send Legal Disclosure',
				value: 'sendLegalDisclosure',
				description: 'Send documents you are legally obliged to provide to the buyer',
				action: 'Send a legal disclosure message',
			},
			{
				name: 'Send Negative Feedback Removal Request (Legacy)',
				value: 'sendNegativeFeedbackRemoval',
				description: 'Ask the buyer to remove negative feedback after the problem was solved. Amazon removed this operation from its API in 2025.',
				action: 'Send a negative feedback removal request',
			},
			{
				name: 'Send Unexpected Problem',
				value: 'sendUnexpectedProblem',
				description: 'Tell the buyer about an unexpected problem that affects completing the order',
				action: 'Send an unexpected problem message',
			},
			{
				name: 'Send Warranty',
				value: 'sendWarranty',
				description: 'Send warranty information with files and coverage dates',
				action: 'Send a warranty message',
			},
		],
		default: 'getActions',
	},
	...orderProperties,
	...getActions.description,
	...getAttributes.description,
	...sendAmazonMotors.description,
	...sendConfirmCustomizationDetails.description,
	...sendConfirmDeliveryDetails.description,
	...sendConfirmOrderDetails.description,
	...sendConfirmServiceDetails.description,
	...sendDigitalAccessKey.description,
	...sendInvoice.description,
	...sendLegalDisclosure.description,
	...sendNegativeFeedbackRemoval.description,
	...sendUnexpectedProblem.description,
	...sendWarranty.description,
];
