import * as vscode from 'vscode';
import { principleHoverMarkdown } from '../../core/principles/principleMarkdown';
import { DIAGNOSTIC_SOURCE } from '../findingDiagnostics';
import type { ExtensionServices } from '../services';
import { commandLink, HOVER_COMMANDS } from './commandLinks';

/**
 * Over a finding: two links, then its principle (title, why it applies, rationale, sources, a passing example).
 * The statement is left out when the finding's diagnostic is showing, since the editor's problem hover above
 * this one already shows it (as related information) — issue 15 saw it twice.
 */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Pick<ExtensionServices, 'controller' | 'host'>) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.services.controller.resultFor(document);
    if (!result) return undefined;
    const offset = document.offsetAt(position);
    const findings = result.findings.filter((f) => f.start <= offset && offset <= f.end);
    if (findings.length === 0) return undefined;
    const contents: vscode.MarkdownString[] = [];
    const seen = new Set<string>();
    // Why each principle applies to this case: the recogniser's words from the question (the same selection
    // as the explorer and the status item).
    const reasons = new Map(
      this.services.controller
        .caseFor(document)
        ?.applicable.map((s) => [s.principle.id, s.triggered ? s.reason : undefined]),
    );
    const published = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(position));
    for (const finding of findings) {
      const principle = this.services.host.principle(finding.principleId);
      if (!principle || seen.has(principle.id)) continue;
      seen.add(principle.id);
      const statementShown = published.some(
        (d) =>
          typeof d.code === 'object' &&
          d.code.value === principle.id &&
          d.relatedInformation?.some((r) => r.message.includes(principle.statement)),
      );
      const markdown = new vscode.MarkdownString(
        principleHoverMarkdown(
          principle,
          [
            { label: 'Open principle', href: commandLink('clinalign.showPrinciple', principle.id) },
            {
              label: 'Disable for this file',
              href: commandLink('clinalign.disablePrincipleInFile', principle.id, document.uri.toString()),
            },
          ],
          reasons.get(principle.id),
          { statement: !statementShown },
        ),
      );
      markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      contents.push(markdown);
    }
    const first = findings[0]!;
    return new vscode.Hover(
      contents,
      new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)),
    );
  }
}
