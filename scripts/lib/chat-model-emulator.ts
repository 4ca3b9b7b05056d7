/**
 * A chat model on loopback that speaks OpenAI's Chat Completions API (`POST /v1/chat/completions`, also streamed, and
 * `GET /v1/models` for the credential's Test button and the model list), so n8n's own AI Agent with its OpenAI Chat
 * Model node runs against it: the `openAiApi` credential's Base URL is `baseUrl` (`http://127.0.0.1:<port>/v1`).
 *
 * It answers from a script, not from a language model. A script matches the conversation's (last) user message and
 * lists its turns: each turn either calls tools (`tool_calls` with the arguments the script names) or gives the final
 * answer, written from the tools' results. The turn to play follows from the tool calls the agent already sent back
 * since that user message, so "call a tool, read its result, answer" needs no state here. It records every
 * request it received (the tools' names, descriptions and JSON schemas, the tool results), so a test can assert what
 * the agent sent the model.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One function the agent offers the model, as the request carries it. */
export interface OfferedTool {
	name: string;
	description?: string;
	parameters?: JsonSchema;
}

export type JsonSchema = {
	type?: string;
	properties?: Record<string, JsonSchema & { description?: string }>;
	required?: string[];
	[key: string]: unknown;
};

/** A tool call the script makes: the tool's name as offered, and its arguments (a string is sent as written). */
export interface ScriptedCall {
	tool: string;
	arguments: Record<string, unknown> | string;
}

/** What came back for one tool call the script made. */
export interface ToolResult {
	tool: string;
	arguments: Record<string, unknown> | string;
	/** The tool message's content as the agent sent it (n8n sends the node's items as JSON, or `{"error": …}`). */
	content: string;
	/** `content` parsed as JSON, when it is JSON. */
	json: unknown;
}

export type ScriptTurn =
	| { call: ScriptedCall[] }
	| { answer: (results: ToolResult[], userMessage: string) => string };

export interface ChatScript {
	/** For reports. */
	name: string;
	/** True for the user messages this script answers. */
	matches: (userMessage: string) => boolean;
	/** The turns, in order; `results` in an answer are every tool result since the user message, oldest first. */
	turns: ScriptTurn[] | ((userMessage: string) => ScriptTurn[]);
}

/** A chat message as the Chat Completions API carries it. */
export interface ChatMessage {
	role: string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
	name?: string;
}

export interface RecordedRequest {
	method: string;
	path: string;
	/** The request's body (a chat completion request), parsed. */
	body: {
		model?: string;
		messages?: ChatMessage[];
		tools?: Array<{ type: string; function: OfferedTool }>;
		stream?: boolean;
		[key: string]: unknown;
	};
	status: number;
	/** The user message the request answered, the script that matched and the turn played (chat completions only). */
	userMessage?: string;
	script?: string;
	turn?: number;
	/** What the model answered: the tool calls, or the final text. */
	reply?: { toolCalls?: ScriptedCall[]; text?: string };
}

export interface ChatModelEmulatorOptions {
	/** The API key the credential must send (`Authorization: Bearer <key>`); any other key gets OpenAI's 401. */
	apiKey: string;
	scripts: ChatScript[];
	/** The answer to a user message no script matches (default: says so, and lists what the scripts answer). */
	fallback?: (userMessage: string) => string;
	/** The model id `GET /v1/models` lists. */
	modelId?: string;
}

export const SCRIPTED_MODEL_ID = 'scripted-model';

const textOf = (content: ChatMessage['content']): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => part.text ?? '').join('')
			: '';

const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};

export class ChatModelEmulator {
	readonly requests: RecordedRequest[] = [];
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	private port = 0;
	private callCounter = 0;

	constructor(private readonly options: ChatModelEmulatorOptions) {}

	/** The Base URL for the `openAiApi` credential. */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}/v1`;
	}

	/** The chat completion requests made for one user message, in order. */
	conversation(userMessage: string): RecordedRequest[] {
		return this.requests.filter((r) => r.userMessage === userMessage);
	}

	async start(port: number): Promise<void> {
		const server = createServer((req, res) => void this.handle(req, res));
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		this.server = server;
		this.port = (server.address() as AddressInfo).port;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '');
		const recorded: RecordedRequest = {
			method: req.method ?? 'GET',
			path,
			body: (parseJson(raw) as RecordedRequest['body']) ?? {},
			status: 200,
		};
		this.requests.push(recorded);
		const send = (status: number, body: unknown) => {
			recorded.status = status;
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.headers.authorization !== `Bearer ${this.options.apiKey}`)
			return send(401, {
				error: {
					message:
						'Incorrect API key provided. This is the chat-model emulator: use the API key of its demo credential.',
					type: 'invalid_request_error',
					param: null,
					code: 'invalid_api_key',
				},
			});
		if (req.method === 'GET' && path.endsWith('/models'))
			return send(200, {
				object: 'list',
				data: [
					{
						id: this.options.modelId ?? SCRIPTED_MODEL_ID,
						object: 'model',
						created: 1767225600,
						owned_by: 'chat-model-emulator',
					},
				],
			});
		if (req.method !== 'POST' || !path.endsWith('/chat/completions'))
			return send(404, {
				error: { message: `Unknown endpoint ${req.method} ${path}`, type: 'invalid_request_error' },
			});
		const messages = recorded.body.messages;
		if (!Array.isArray(messages) || !messages.length)
			return send(400, {
				error: { message: "'messages' must be a non-empty array", type: 'invalid_request_error' },
			});

		const reply = this.reply(recorded, messages);
		if ('error' in reply)
			return send(400, { error: { message: reply.error, type: 'script_error' } });
		recorded.reply = reply;
		const model = recorded.body.model ?? SCRIPTED_MODEL_ID;
		const toolCalls = reply.toolCalls?.map((c) => ({
			id: `call_${++this.callCounter}`,
			type: 'function',
			function: {
				name: c.tool,
				arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
			},
		}));
		const message = toolCalls
			? { role: 'assistant', content: null, tool_calls: toolCalls }
			: { role: 'assistant', content: reply.text ?? '' };
		const finish = toolCalls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		const id = `chatcmpl-emulator-${this.requests.length}`;
		const created = Math.floor(Date.now() / 1000);
		if (recorded.body.stream !== true)
			return send(200, {
				id,
				object: 'chat.completion',
				created,
				model,
				choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
				usage,
			});
		// Server-sent events, as OpenAI streams: the whole message in one delta, then the finish reason (and usage).
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
			res.write(
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`,
			);
		event([
			{
				index: 0,
				delta: toolCalls
					? {
							role: 'assistant',
							content: null,
							tool_calls: toolCalls.map((c, index) => ({ index, ...c })),
						}
					: { role: 'assistant', content: message.content },
				logprobs: null,
				finish_reason: null,
			},
		]);
		event([{ index: 0, delta: {}, logprobs: null, finish_reason: finish }]);
		const streamOptions = recorded.body.stream_options as { include_usage?: boolean } | undefined;
		if (streamOptions?.include_usage) event([], { usage });
		res.end('data: [DONE]\n\n');
	}

	/** The scripted turn for this conversation: tool calls or the final text, or why the script cannot go on. */
	private reply(
		recorded: RecordedRequest,
		messages: ChatMessage[],
	): { toolCalls?: ScriptedCall[]; text?: string } | { error: string } {
		let lastUser = -1;
		messages.forEach((m, i) => {
			if (m.role === 'user') lastUser = i;
		});
		if (lastUser < 0) return { error: 'the conversation has no user message' };
		const userMessage = textOf(messages[lastUser].content);
		recorded.userMessage = userMessage;
		const after = messages.slice(lastUser + 1);
		const script = this.options.scripts.find((s) => s.matches(userMessage));
		if (!script)
			return {
				text:
					this.options.fallback?.(userMessage) ??
					`(chat-model emulator) No script answers "${userMessage}". Scripts: ${this.options.scripts.map((s) => s.name).join('; ')}.`,
			};
		recorded.script = script.name;
		const turns = typeof script.turns === 'function' ? script.turns(userMessage) : script.turns;
		// The tool calls sent back since the user's message are those of the turns already played (n8n's agent sends
		// each call of a turn back in an assistant message of its own, so count calls, not messages).
		const made = after.flatMap((m) => m.tool_calls ?? []).length;
		let turn = 0;
		for (let calls = 0; calls < made; turn++) {
			const played = turns[turn];
			if (!played || !('call' in played))
				return {
					error: `script "${script.name}" made fewer tool calls than the ${made} the agent sent back`,
				};
			calls += played.call.length;
		}
		recorded.turn = turn;
		const next = turns[turn];
		if (!next)
			return {
				error: `script "${script.name}" has ${turns.length} turn(s) and the agent asks for turn ${turn + 1}`,
			};
		if ('call' in next) {
			const offered = new Set((recorded.body.tools ?? []).map((t) => t.function?.name));
			const missing = next.call.filter((c) => !offered.has(c.tool)).map((c) => c.tool);
			if (missing.length)
				return {
					error: `script "${script.name}" calls ${missing.join(', ')}, which the request does not offer (offered: ${[...offered].join(', ') || 'none'})`,
				};
			return { toolCalls: next.call };
		}
		return { text: next.answer(toolResultsIn(after), userMessage) };
	}
}

/** Every tool result in these messages (a conversation, or its part after the user's message), with the call it answers. */
export function toolResultsIn(messages: ChatMessage[]): ToolResult[] {
	const calls = new Map<string, { name: string; arguments: string }>();
	for (const m of messages)
		for (const c of m.tool_calls ?? [])
			calls.set(c.id, { name: c.function.name, arguments: c.function.arguments });
	return messages
		.filter((m) => m.role === 'tool')
		.map((m) => {
			const call = calls.get(m.tool_call_id ?? '');
			const content = textOf(m.content);
			const args = call ? parseJson(call.arguments) : undefined;
			return {
				tool: call?.name ?? m.name ?? '',
				arguments: (args as Record<string, unknown>) ?? call?.arguments ?? '',
				content,
				json: parseJson(content),
			};
		});
}
