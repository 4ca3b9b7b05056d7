import type { OperationMenuEntry } from '../../../shared';

/** One message type of the Messaging API: everything that tells one send operation from another. */
export interface MessageType {
	/** The node's operation value, stored in workflows: never change it. */
	operation: string;
	/** Amazon's operationId: also the rate-limit group, as Amazon counts per operation. */
	vendorOperation: string;
	/** The path segment after /messages/, the Uploads resource name, and the action name in getMessagingActionsForOrder. */
	action: string;
	menu: OperationMenuEntry;
	/** Maximum text length, when the message has a text. */
	textMax?: number;
	/** How many files the message takes; none when it takes no files. */
	files?: { min: 0 | 1; max: number };
	/** Warranty coverage dates. */
	coverageDates?: boolean;
	/** The operation sends no body at all. */
	noBody?: boolean;
	/** The year Amazon removed the operation from its API model: the node still sends it, marked as legacy. */
	removedFromApi?: number;
}

const UP_TO_FIVE_FILES = { min: 0, max: 5 } as const;
const ONE_TO_FIVE_FILES = { min: 1, max: 5 } as const;

/** Every message type the node sends (../shared/reference/specs/sp-api-messaging.json and its older versions). */
export const MESSAGE_TYPES = [
	{
		operation: 'sendAmazonMotors',
		vendorOperation: 'CreateAmazonMotors',
		action: 'amazonMotors',
		menu: {
			name: 'Send Amazon Motors Message',
			description: 'Send Amazon Motors order details with files.',
			action: 'Send an amazon motors message',
		},
		files: ONE_TO_FIVE_FILES,
		removedFromApi: 2026,
	},
	{
		operation: 'sendConfirmCustomizationDetails',
		vendorOperation: 'confirmCustomizationDetails',
		action: 'confirmCustomizationDetails',
		menu: {
			name: 'Send Confirm Customization Details',
			description:
				'Ask the buyer to provide or verify customization details (name spelling, images, initials)',
			action: 'Send a customization details message',
		},
		textMax: 800,
		files: UP_TO_FIVE_FILES,
	},
	{
		operation: 'sendConfirmDeliveryDetails',
		vendorOperation: 'createConfirmDeliveryDetails',
		action: 'confirmDeliveryDetails',
		menu: {
			name: 'Send Confirm Delivery Details',
			description: 'Arrange a delivery or confirm contact information for making a delivery',
			action: 'Send a delivery details message',
		},
		textMax: 2000,
	},
	{
		operation: 'sendConfirmOrderDetails',
		vendorOperation: 'createConfirmOrderDetails',
		action: 'confirmOrderDetails',
		menu: {
			name: 'Send Confirm Order Details',
			description: 'Ask the buyer an order-related question before shipping',
			action: 'Send an order details message',
		},
		textMax: 2000,
	},
	{
		operation: 'sendConfirmServiceDetails',
		vendorOperation: 'createConfirmServiceDetails',
		action: 'confirmServiceDetails',
		menu: {
			name: 'Send Confirm Service Details',
			description: 'Contact a Home Services buyer to arrange or prepare a service call',
			action: 'Send a service details message',
		},
		textMax: 2000,
	},
	{
		operation: 'sendDigitalAccessKey',
		vendorOperation: 'createDigitalAccessKey',
		action: 'digitalAccessKey',
		menu: {
			name: 'Send Digital Access Key',
			description: 'Share a key the buyer needs to use digital content in the order',
			action: 'Send a digital access key message',
		},
		textMax: 400,
		files: UP_TO_FIVE_FILES,
	},
	{
		operation: 'sendInvoice',
		vendorOperation: 'sendInvoice',
		action: 'invoice',
		menu: {
			name: 'Send Invoice',
			description: 'Send the buyer an invoice file',
			action: 'Send an invoice message',
		},
		files: ONE_TO_FIVE_FILES,
	},
	{
		operation: 'sendLegalDisclosure',
		vendorOperation: 'createLegalDisclosure',
		action: 'legalDisclosure',
		menu: {
			name: 'Send Legal Disclosure',
			description: 'Send documents you are legally obliged to provide to the buyer',
			action: 'Send a legal disclosure message',
		},
		files: ONE_TO_FIVE_FILES,
	},
	{
		operation: 'sendNegativeFeedbackRemoval',
		vendorOperation: 'createNegativeFeedbackRemoval',
		action: 'negativeFeedbackRemoval',
		menu: {
			name: 'Send Negative Feedback Removal Request',
			description: 'Ask the buyer to remove negative feedback after the problem was solved.',
			action: 'Send a negative feedback removal request',
		},
		noBody: true,
		removedFromApi: 2025,
	},
	{
		operation: 'sendUnexpectedProblem',
		vendorOperation: 'createUnexpectedProblem',
		action: 'unexpectedProblem',
		menu: {
			name: 'Send Unexpected Problem',
			description: 'Tell the buyer about an unexpected problem that affects completing the order',
			action: 'Send an unexpected problem message',
		},
		textMax: 2000,
	},
	{
		operation: 'sendWarranty',
		vendorOperation: 'CreateWarranty',
		action: 'warranty',
		menu: {
			name: 'Send Warranty',
			description: 'Send warranty information with files and coverage dates',
			action: 'Send a warranty message',
		},
		files: ONE_TO_FIVE_FILES,
		coverageDates: true,
	},
] as const satisfies readonly MessageType[];

export type SendOperationName = (typeof MESSAGE_TYPES)[number]['operation'];

/** The menu entry of a message type; a type Amazon removed from its API says so in its name and description. */
export function menuOf(type: MessageType): OperationMenuEntry {
	if (type.removedFromApi === undefined) return type.menu;
	return {
		...type.menu,
		name: `${type.menu.name} (Legacy)`,
		description: `${type.menu.description} Amazon removed this operation from its API in ${type.removedFromApi}.`,
	};
}
