/** What a provider is to `npm start` and the e2e tests: its files, ports, demo credentials and e2e cases. */

/** Any emulator of the kit, loosely typed: the script only needs start/stop and some demo state. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEmulator = any;

/** The `json` of a node's output items. */
export type Items = Array<Record<string, unknown>>;

/** Returns what is wrong with the output (or with what the emulator received), or undefined when it is right. */
export type Check = (items: Items, emulator: AnyEmulator) => string | undefined;

export interface DemoCredential {
	/** Fixed 16-character id, so a re-import replaces it. */
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
	/** Field names whose values are secrets (searched for in n8n's database after the run). */
	secretFields: string[];
	/** When the type has a Test request: data fields to change so the test must fail. */
	wrong?: Record<string, unknown>;
}

/** The items a case feeds the node: none (Manual Trigger's one empty item) or a binary file. */
export type CaseInput =
	| { file: { base64: string; fileName: string; mimeType: string } }
	| undefined;

export interface E2ECase {
	resource: string;
	operation: string;
	/** Node parameters (besides resource and operation). */
	params: Record<string, unknown>;
	/** Credential id (default: the provider's first demo credential). */
	credential?: string;
	input?: CaseInput;
	check: Check;
	/** Why this case cannot run yet (printed as SKIP with the reason; not counted as passed). */
	skip?: string;
	/** A short label for the report when one operation has more than one case. */
	label?: string;
}

/** For the webhook trigger's e2e: how to change customers at the vendor and what the vendor holds for n8n. */
export interface WebhookTriggerE2E {
	/** Node class of the webhook trigger (nodes/<Provider>/<node>.node.ts). */
	node: string;
	/** Its parameters besides the Events, which the e2e sets to created, updated and deleted. */
	parameters: Record<string, unknown>;
	/** Demo credential id (default: the provider's first). */
	credential?: string;
	/** Registrations the published trigger holds at the vendor for its URL (one per event, or one for all). */
	registrationsPerUrl: number;
	/** The emulator's registrations that point at `url`. */
	registrations: (emu: AnyEmulator, url: string) => number;
	/** What the user does in the vendor's back office after publishing, when the node's notice asks for it. */
	afterPublish?: (emu: AnyEmulator, url: string) => void;
	/** A customer signs up over the vendor's API; returns its id as the trigger's items carry it. */
	create: (mod: Record<string, unknown>, emu: AnyEmulator, email: string) => Promise<string>;
	/** The customer is changed over the vendor's API. */
	update: (
		mod: Record<string, unknown>,
		emu: AnyEmulator,
		id: string,
		marker: string,
	) => Promise<void>;
	/** The customer is deleted over the vendor's API. */
	remove: (mod: Record<string, unknown>, emu: AnyEmulator, id: string) => Promise<void>;
	/** The id in one of the trigger's output items. */
	idOf: (item: Record<string, unknown>) => string;
	/** A real delivery's headers with its signature or password made wrong, as a forger would send them. */
	forge: (headers: Record<string, string>) => Record<string, string>;
}

export interface Provider {
	key: string;
	title: string;
	/** Node class name = folder = file name. */
	node: string;
	/** description.name of the node (type `n8n-nodes-commerce-customers.<nodeName>`). */
	nodeName: string;
	credentialFiles: string[];
	emulatorFile: string;
	emulatorClass: string;
	/** Extra ports an emulator takes after its own (SP-API: LWA and S3). */
	extraPorts: number;
	/** Port offset from the base port. */
	offset: number;
	/** Demo credentials, given the emulator module and the started emulator. */
	credentials: (mod: Record<string, unknown>, emu: AnyEmulator) => DemoCredential[];
	/** Prepares the emulator for the e2e cases (after seedDemoData) and returns the values the cases need. */
	prepare?: (mod: Record<string, unknown>, emu: AnyEmulator) => Promise<Record<string, unknown>>;
	cases: (
		ctx: Record<string, unknown>,
		mod: Record<string, unknown>,
		emu: AnyEmulator,
	) => E2ECase[];
	/** For the polling trigger's e2e: a customer with this email signs up at the vendor, over its API. */
	signUp?: (mod: Record<string, unknown>, emu: AnyEmulator, email: string) => Promise<void>;
	/**
	 * For the "New or Updated Customer" trigger's e2e: an existing (demo) customer is changed at the vendor, over its
	 * API, so that one of its fields holds `marker`; returns a test for the trigger's items that is true for that change.
	 */
	change?: (
		mod: Record<string, unknown>,
		emu: AnyEmulator,
		marker: string,
	) => Promise<(item: Record<string, unknown>) => boolean>;
	/** The webhook trigger's e2e, when the provider has one. */
	webhook?: WebhookTriggerE2E;
}
