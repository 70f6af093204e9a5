import * as vscode from 'vscode';

/** Commands that principle hovers may run: the only ones their trusted Markdown enables. */
export const HOVER_COMMANDS = ['clinalign.showPrinciple', 'clinalign.disablePrincipleInFile'] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

/** A `command:` link with JSON arguments, as VS Code's Markdown renderer reads them. */
export function commandLink(command: HoverCommand, ...args: unknown[]): string {
  return vscode.Uri.from({ scheme: 'command', path: command, query: JSON.stringify(args) }).toString();
}
