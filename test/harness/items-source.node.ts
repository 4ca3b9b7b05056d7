// Test-only start node: emits the items a test registered (JSON and binary files), like a Manual Trigger followed by data.
import type {
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';

export interface SourceItem {
	json: IDataObject;
	binary?: Record<string, { data: Buffer | string; fileName: string; mimeType: string }>;
}

const registry = new Map<string, SourceItem[]>();
let nextId = 0;

export function registerItems(items: SourceItem[]): string {
	const id = `items-${++nextId}`;
	registry.set(id, items);
	return id;
}

export class ItemsSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items Source',
		name: 'itemsSource',
		group: ['trigger'],
		version: 1,
		description: 'Emits registered test items',
		defaults: { name: 'Items Source' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items ID', name: 'itemsId', type: 'string', default: '' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const items = registry.get(this.getNodeParameter('itemsId', '') as string) ?? [{ json: {} }];
		const manualTriggerFunction = async () => {
			const out: INodeExecutionData[] = [];
			for (const item of items) {
				const binary: IBinaryKeyData = {};
				for (const [key, file] of Object.entries(item.binary ?? {})) {
					const buffer = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
					binary[key] = await this.helpers.prepareBinaryData(buffer, file.fileName, file.mimeType);
				}
				out.push({ json: item.json, ...(item.binary ? { binary } : {}) });
			}
			this.emit([out]);
		};
		return { manualTriggerFunction };
	}
}
