import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface JsonlLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/** The non-blank lines of a text file, read as a stream so that a file of any size holds one line in memory. */
export async function* jsonlLines(file: string): AsyncGenerator<JsonlLine> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim() !== '') yield { number, text };
  }
}

/** JSON.parse with the line number in the error. */
export function parseJsonLine(line: JsonlLine): unknown {
  try {
    return JSON.parse(line.text);
  } catch (error) {
    throw new Error(`line ${line.number}: not JSON: ${(error as Error).message}`);
  }
}
