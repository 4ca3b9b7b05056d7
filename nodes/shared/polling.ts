import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

/** The events every customer trigger offers; a trigger reads them as `customerCreated` or `customerCreatedOrUpdated`. */
export const customerEventProperty: INodeProperties = {
	displayName: 'Trigger On',
	name: 'event',
	type: 'options',
	options: [
		{
			name: 'New Customer',
			value: 'customerCreated',
			description: 'A customer was created since the last check',
		},
		{
			name: 'New or Updated Customer',
			value: 'customerCreatedOrUpdated',
			description: 'A customer was created or changed since the last check',
		},
	],
	default: 'customerCreated',
};

/** The trigger's subtitle on the canvas, naming the chosen event. */
export const customerEventSubtitle =
	'={{$parameter["event"] === "customerCreated" ? "New customer" : "New or updated customer"}}';

/** What a polling trigger asks its vendor for: records changed at or after `since` (ISO 8601). */
export interface PollSource {
	/** Records created or changed at or after `since`, any order. */
	fetchChangedSince(since: string): Promise<IDataObject[]>;
	/** The record's id. */
	idOf(record: IDataObject): string;
	/** The record's change time (created or updated, as the trigger watches), ISO 8601. */
	changedAtOf(record: IDataObject): string | undefined;
	/** Newest records, for the sample a user sees when testing the trigger in the editor. */
	fetchSample(limit: number): Promise<IDataObject[]>;
}

interface PollState {
	since?: string;
	/** Ids already emitted with the `since` timestamp itself, so a boundary record is not emitted twice. */
	seenAtSince?: string[];
}

/**
 * The polling loop every trigger shares: the first active run only remembers "now"; later runs emit records
 * changed since the last run, oldest first, each once; a manual test run shows the newest record.
 */
export async function pollChanges(
	this: IPollFunctions,
	source: PollSource,
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		const sample = await source.fetchSample(1);
		return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
	}
	const state = this.getWorkflowStaticData('node') as PollState;
	// vendors often store whole seconds: start at the current second, so nothing made within it is missed
	const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
	if (!state.since) {
		state.since = now;
		state.seenAtSince = [];
		return null;
	}
	const seen = new Set(state.seenAtSince ?? []);
	const sinceMs = Date.parse(state.since);
	// vendors write timestamps in different shapes: compare instants, not strings
	const changedMs = (record: IDataObject) => {
		const value = source.changedAtOf(record);
		const ms = value ? Date.parse(value) : NaN;
		return Number.isNaN(ms) ? sinceMs : ms;
	};
	const records = (await source.fetchChangedSince(state.since)).filter((record) => {
		const ms = changedMs(record);
		if (ms < sinceMs) return false;
		return !(ms === sinceMs && seen.has(source.idOf(record)));
	});
	records.sort((a, b) => changedMs(a) - changedMs(b));
	const newestMs = records.reduce((max, r) => Math.max(max, changedMs(r)), sinceMs);
	if (newestMs > sinceMs) {
		state.since = new Date(newestMs).toISOString();
		state.seenAtSince = records.filter((r) => changedMs(r) === newestMs).map((r) => source.idOf(r));
	} else if (records.length) {
		state.seenAtSince = [...seen, ...records.map((r) => source.idOf(r))];
	}
	return records.length ? [this.helpers.returnJsonArray(records)] : null;
}
