import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

export interface JsonlLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/** The non-blank lines of a text file, read as a stream so that a file of any size holds one line in memory. */
export async function* jsonlLines(file: string, fs: FileSystemPort = nodeFileSystem): AsyncGenerator<JsonlLine> {
  const chunks = fs.readTextChunks(file);
  // node:fs gives a stream already; any other port's chunks are wrapped in one for readline.
  const input = chunks instanceof Readable ? chunks : Readable.from(chunks);
  const lines = createInterface({ input, crlfDelay: Infinity });
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
