import { terminalText } from './format/terminalText';

const rawWrite = new Map<NodeJS.WriteStream, (text: string) => boolean>();

/**
 * Everything the CLI writes to stdout and stderr goes through terminalText, so no command, present or future,
 * can echo a control sequence from a file or a model reply. The CLI's own progress line is written with
 * writeProgress, the one place that emits a sequence (`\r\x1b[K` clears the line).
 */
export function guardTerminalOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (rawWrite.has(stream)) continue;
    const write = stream.write.bind(stream);
    rawWrite.set(stream, (text) => write(text));
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      (write as (...args: unknown[]) => boolean)(
        typeof chunk === 'string' ? terminalText(chunk) : chunk,
        ...rest,
      )) as typeof stream.write;
  }
}

/** Rewrites the progress line on stderr (a terminal only): `text` is cleaned, the line-clearing sequence kept. */
export function writeProgress(text: string): void {
  if (!process.stderr.isTTY) return;
  (rawWrite.get(process.stderr) ?? ((t: string) => process.stderr.write(t)))(`\r\x1b[K${terminalText(text)}`);
}

/** Clears the progress line (a terminal only). */
export function clearProgress(): void {
  writeProgress('');
}
