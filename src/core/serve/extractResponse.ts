/**
 * Where chat templates start the assistant's turn, latest-generation first (ChatML/Qwen, Llama 3, Gemma,
 * Mistral, Phi, DeepSeek, plain).
 */
const ASSISTANT_MARKERS = [
  '<|im_start|>assistant',
  '<|start_header_id|>assistant<|end_header_id|>',
  '<start_of_turn>model',
  '[/INST]',
  '<|assistant|>',
  '<｜Assistant｜>',
  '\nAssistant:',
  '### Response:',
];

/** `<|im_end|>`, `<|eot_id|>`, `<｜end▁of▁sentence｜>`, `</s>`, `<eos>`, `<end_of_turn>`, … */
const SPECIAL_TOKEN =
  /<\|[^<>|\s]{1,40}\|>|<｜[^<>｜]{1,40}｜>|<\/?s>|<\/?(?:eos|bos|pad|unk|end_of_turn|start_of_turn)>/g;

/**
 * The response inside OpenRLHF's `query` (the decoded sequence: chat template + response + special tokens):
 * the text after the templated prompt, else after the last assistant marker, without special tokens and
 * without reasoning (`<think>…</think>`, a reasoning block the template opened, or one never closed).
 */
export function extractResponse(query: string, prompt: string | undefined): string {
  let text = query;
  const at = prompt ? query.indexOf(prompt) : -1;
  if (prompt && at >= 0) text = query.slice(at + prompt.length);
  else {
    const marker = lastMarker(query);
    if (marker) text = query.slice(marker.at + marker.marker.length);
  }
  return stripReasoning(text.replace(SPECIAL_TOKEN, '')).trim();
}

function lastMarker(query: string): { marker: string; at: number } | undefined {
  let best: { marker: string; at: number } | undefined;
  for (const marker of ASSISTANT_MARKERS) {
    const at = query.lastIndexOf(marker);
    if (at >= 0 && (!best || at > best.at)) best = { marker, at };
  }
  return best;
}

/** The text without template tokens: a templated prompt read back as the question. */
export function stripSpecialTokens(text: string): string {
  return text.replace(SPECIAL_TOKEN, '').trim();
}

/** Drops reasoning: closed blocks, a leading `…</think>` (the template opened it), and an unclosed `<think>…`. */
export function stripReasoning(text: string): string {
  let out = text.replace(/<think>[\s\S]*?<\/think>/g, '');
  const close = out.indexOf('</think>');
  if (close >= 0) out = out.slice(close + '</think>'.length);
  const open = out.indexOf('<think>');
  if (open >= 0) out = out.slice(0, open);
  return out;
}
