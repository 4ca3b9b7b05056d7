// The chat model emulator the e2e agent cases and `npm start` use (scripts/lib/chat-model-emulator.ts): OpenAI's Chat
// Completions protocol as n8n's OpenAI Chat Model node speaks it, answered from a script.
import {
	ChatModelEmulator,
	type ChatMessage,
	type ToolResult,
} from '../../scripts/lib/chat-model-emulator';

const KEY = 'sk-test-key';
const PROMPT = 'Who is jane.doe@example.com?';
let answeredWith: ToolResult[] = [];
const model = new ChatModelEmulator({
	apiKey: KEY,
	scripts: [
		{
			name: 'two calls at once, then a bad call, then the answer',
			matches: (m) => m === PROMPT,
			turns: [
				{
					call: [
						{ tool: 'Shop', arguments: { email: 'jane.doe@example.com' } },
						{ tool: 'Loyalty', arguments: { email: 'jane.doe@example.com' } },
					],
				},
				{ call: [{ tool: 'Shop', arguments: {} }] },
				{
					answer: (results) => {
						answeredWith = results;
						return `found: ${results.map((r) => r.content).join(' | ')}`;
					},
				},
			],
		},
	],
	fallback: (m) => `no script for ${m}`,
});

beforeAll(async () => await model.start(0));
afterAll(async () => await model.stop());

const tools = ['Shop', 'Loyalty'].map((name) => ({
	type: 'function',
	function: { name, description: name, parameters: { type: 'object', properties: {} } },
}));

async function complete(messages: ChatMessage[], extra: Record<string, unknown> = {}, key = KEY) {
	const res = await fetch(`${model.baseUrl}/chat/completions`, {
		method: 'POST',
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
		body: JSON.stringify({ model: 'scripted-model', messages, tools, ...extra }),
	});
	return { status: res.status, text: await res.text() };
}

/** The assistant's tool calls sent back one per message, each followed by its result, as n8n's agent does. */
function playedBack(calls: Array<{ id: string; function: { name: string; arguments: string } }>) {
	return calls.flatMap((c, i): ChatMessage[] => [
		{ role: 'assistant', content: [], tool_calls: [{ ...c, type: 'function' }] },
		{ role: 'tool', tool_call_id: c.id, content: JSON.stringify([{ result: i }]) },
	]);
}

test('plays the script: tool calls, then more calls after the results came back, then the answer', async () => {
	const conversation: ChatMessage[] = [{ role: 'user', content: PROMPT }];
	const first = JSON.parse((await complete(conversation)).text);
	expect(first.choices[0].finish_reason).toBe('tool_calls');
	const calls = first.choices[0].message.tool_calls;
	expect(calls.map((c: { function: { name: string } }) => c.function.name)).toEqual([
		'Shop',
		'Loyalty',
	]);
	expect(JSON.parse(calls[0].function.arguments)).toEqual({ email: 'jane.doe@example.com' });
	conversation.push(...playedBack(calls));

	const second = JSON.parse((await complete(conversation)).text);
	const retry = second.choices[0].message.tool_calls;
	expect(retry[0].function.arguments).toBe('{}');
	conversation.push(...playedBack(retry));

	const last = JSON.parse((await complete(conversation)).text);
	expect(last.choices[0].finish_reason).toBe('stop');
	expect(last.choices[0].message.content).toBe(
		'found: [{"result":0}] | [{"result":1}] | [{"result":0}]',
	);
	expect(answeredWith.map((r) => r.tool)).toEqual(['Shop', 'Loyalty', 'Shop']);
	expect(model.conversation(PROMPT).map((r) => r.turn)).toEqual([0, 1, 2]);
	expect(model.conversation(PROMPT)[0].body.tools?.map((t) => t.function.name)).toEqual([
		'Shop',
		'Loyalty',
	]);
});

test('streams the same answer as server-sent events when asked to', async () => {
	const { status, text } = await complete([{ role: 'user', content: PROMPT }], {
		stream: true,
		stream_options: { include_usage: true },
	});
	expect(status).toBe(200);
	const events = text
		.split('\n\n')
		.filter(Boolean)
		.map((e) => e.replace(/^data: /, ''));
	expect(events[events.length - 1]).toBe('[DONE]');
	const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
	expect(chunks[0].choices[0].delta.tool_calls[1].function.name).toBe('Loyalty');
	expect(chunks[1].choices[0].finish_reason).toBe('tool_calls');
	expect(chunks[2].usage.total_tokens).toBeGreaterThan(0);
});

test("refuses another API key with OpenAI's 401, lists its model, and answers unknown messages with the fallback", async () => {
	expect((await complete([{ role: 'user', content: PROMPT }], {}, 'sk-wrong')).status).toBe(401);
	const models = await fetch(`${model.baseUrl}/models`, {
		headers: { authorization: `Bearer ${KEY}` },
	});
	expect(((await models.json()) as { data: Array<{ id: string }> }).data[0].id).toBe(
		'scripted-model',
	);
	const other = JSON.parse((await complete([{ role: 'user', content: 'hello' }])).text);
	expect(other.choices[0].message.content).toBe('no script for hello');
});

test('a script that names a tool the request does not offer is a 400 that says so', async () => {
	const res = await fetch(`${model.baseUrl}/chat/completions`, {
		method: 'POST',
		headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
		body: JSON.stringify({ messages: [{ role: 'user', content: PROMPT }], tools: [] }),
	});
	expect(res.status).toBe(400);
	expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
		/calls Shop, Loyalty, which the request does not offer/,
	);
});
