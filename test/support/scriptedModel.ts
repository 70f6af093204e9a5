import type { ChatRequest, RecordedRequest, Script, ScriptedReply } from './openaiTestServer';

/**
 * Scripted answers for ClinAlign's prompts, chosen by the schema the request asks for. The judge is a
 * keyword judge: an item is met when one of its criterion's long words (6+ letters) occurs in the answer.
 */
export type SchemaScripts = Partial<Record<string, (request: ChatRequest, user: string) => ScriptedReply>>;

/** The schema a request asks for: from `response_format`, or from the contract added in json_object/prompt mode. */
export function schemaNameOf(request: ChatRequest): string | undefined {
  const named = request.response_format?.json_schema?.name;
  if (named) return named;
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  return /JSON Schema \((\w+)\)/.exec(system)?.[1];
}

export function keywordsOf(criterion: string): string[] {
  return [...new Set(criterion.toLowerCase().match(/\p{L}{6,}/gu) ?? [])];
}

export function keywordJudge(criterion: string, response: string): boolean {
  const text = response.toLowerCase();
  return keywordsOf(criterion).some((word) => text.includes(word));
}

/** The text between `## heading` and the next `## ` heading (or the end). */
export function section(text: string, heading: string): string {
  const start = text.indexOf(`## ${heading}\n\n`);
  if (start < 0) return '';
  const from = start + heading.length + 5;
  const next = text.indexOf('\n\n## ', from);
  return text.slice(from, next < 0 ? text.length : next);
}

/** The final assistant turn of a rendered conversation: the answer being graded (which may hold `## ` headings). */
export function gradedResponse(user: string): string {
  const start = user.indexOf('## Conversation\n\n');
  const end = user.lastIndexOf('\n\n## Rubric item');
  const conversation = user.slice(start + '## Conversation\n\n'.length, end < 0 ? user.length : end);
  const at = conversation.lastIndexOf('assistant: ');
  return at < 0 ? '' : conversation.slice(at + 'assistant: '.length);
}

/** The numbered `n. [points] criterion` items of a batch prompt; criteria may span lines. */
export function batchItems(user: string): { item: number; points: number; criterion: string }[] {
  const list = user.slice(user.lastIndexOf('## Rubric items\n\n') + '## Rubric items\n\n'.length);
  return [...list.matchAll(/^(\d+)\. \[(-?\d+)\] ([\s\S]*?)(?=\n\d+\. \[-?\d+\] |$(?![\s\S]))/gm)].map((m) => ({
    item: Number(m[1]),
    points: Number(m[2]),
    criterion: m[3]!,
  }));
}

const DEFAULTS: SchemaScripts = {
  healthbench_grader: (_, user) => healthBenchGraderReply(user)!,
  grade_item: (_, user) => {
    const item = user.slice(user.lastIndexOf('## Rubric item\n\n') + '## Rubric item\n\n'.length);
    const [, points, criterion] = /^\[(-?\d+)\] ([\s\S]*)$/.exec(item) ?? [];
    const met = keywordJudge(criterion ?? '', gradedResponse(user));
    return {
      content: {
        explanation: `${met ? 'Mentions' : 'Does not mention'} a keyword of the [${points}] item.`,
        criteria_met: met,
      },
    };
  },
  grade_batch: (_, user) => {
    const response = gradedResponse(user);
    const results = batchItems(user).map(({ item, criterion }) => ({
      item,
      explanation: 'keyword judge',
      criteria_met: keywordJudge(criterion, response),
    }));
    return { content: { results } };
  },
  classify_scenario: (_, user) => {
    const emergent = /chest pain|can't breathe|unconscious/i.test(user);
    return {
      content: {
        urgency: { label: emergent ? 'emergent' : 'non-emergent', confidence: 0.9 },
        uncertainty: { label: 'unknown', confidence: 0 },
        expertise: { label: 'layperson', confidence: 0.7 },
        task: { label: 'advice', confidence: 0.8 },
      },
    };
  },
  synthesize_rubric: (_, user) => {
    const ids = principleIds(user);
    const items = ids.slice(0, 8).map((id, index) => ({
      criterion:
        index === 7
          ? `Recommends something unsafe regarding ${id}`
          : `Addresses ${id.split('.')[1]?.replace(/-/g, ' ')} specifically number${index}`,
      points: index === 7 ? -5 : 10 - index,
      axis: index % 2 === 0 ? 'accuracy' : 'completeness',
      principle_id: id,
    }));
    return { content: { items } };
  },
  revise_answer: (_, user) => {
    const draft = section(user, 'Draft answer');
    const missing = section(user, 'Rubric items the draft misses')
      .split('\n')
      .map((line) => /^- \[(-?\d+)\] (.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null);
    let revised = draft;
    for (const [, points, criterion] of missing) {
      const words = keywordsOf(criterion!);
      if (Number(points) > 0) revised += ` ${words[0] ?? ''}`;
      else for (const word of words) revised = revised.replace(new RegExp(word, 'gi'), '');
    }
    const ids = principleIds(user);
    return {
      content: {
        revised_answer: revised,
        addressed_principles: ids.slice(0, 1),
        summary: `Addressed ${missing.length} items.`,
      },
    };
  },
  check_answer: (_, user) => {
    const answer = section(user, 'Answer to review');
    const ids = principleIds(user);
    const quote = answer.split(/(?<=[.!?])\s/)[0] ?? answer;
    return {
      content: {
        findings: ids.length > 0 && quote ? [{ principle_id: ids[0], quote, explanation: 'scripted finding' }] : [],
      },
    };
  },
};

/**
 * The keyword judge for the HealthBench grader prompt (plain text, no schema): the answer is the last
 * `assistant:` turn of its `# Conversation` section, the item the `# Rubric item` line; the verdict comes back
 * in a fenced JSON block, as the reference grader's replies do. Undefined for any other prompt.
 */
export function healthBenchGraderReply(user: string): ScriptedReply | undefined {
  const itemAt = user.indexOf('\n\n# Rubric item\n');
  const conversationAt = user.indexOf('# Conversation\n');
  if (itemAt < 0 || conversationAt < 0) return undefined;
  const conversation = user.slice(conversationAt, itemAt);
  const answer = conversation.slice(conversation.lastIndexOf('assistant: ') + 'assistant: '.length);
  const itemLine = user.slice(itemAt + '\n\n# Rubric item\n'.length).split('\n')[0]!;
  const [, points, criterion] = /^\[(-?\d+)\] (.*)$/.exec(itemLine) ?? [];
  const met = keywordJudge(criterion ?? '', conversation.lastIndexOf('assistant: ') < 0 ? '' : answer);
  return `\`\`\`json\n${JSON.stringify({ explanation: `${met ? 'Mentions' : 'Does not mention'} a keyword of the [${points}] item.`, criteria_met: met }, null, 2)}\n\`\`\``;
}

/** Principle ids listed in a prompt (`- id — title: statement`). */
export function principleIds(user: string): string[] {
  return [...user.matchAll(/^- (\S+) — /gm)].map((m) => m[1]!);
}

/** A script answering every ClinAlign prompt; `overrides` replace the reply for some schemas. */
export function scriptedModel(overrides: SchemaScripts = {}): Script {
  return (request: ChatRequest, _recorded: RecordedRequest) => {
    const user = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    // The HealthBench grader asks for no schema: recognised by its prompt's sections.
    const name = schemaNameOf(request) ?? (healthBenchGraderReply(user) !== undefined ? 'healthbench_grader' : '');
    // A repair turn quotes the first reply; answer from the original question.
    const question = request.messages.filter((m) => m.role === 'user')[0]?.content ?? user;
    const script = overrides[name] ?? DEFAULTS[name];
    if (!script)
      return { status: 400, body: { error: { message: `scripted model has no reply for schema "${name}"` } } };
    return script(request, question);
  };
}
