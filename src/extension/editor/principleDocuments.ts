import * as vscode from 'vscode';
import { principleDocumentMarkdown } from '../../core/principles/principleMarkdown';
import type { PrincipleLibraryHost } from '../principleLibraryHost';

export const PRINCIPLE_SCHEME = 'clinalign-principle';

/** `clinalign-principle:/<id>.md`: a read-only Markdown page about one principle, current with the library. */
export class PrincipleDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly opened = new Set<string>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor(private readonly host: PrincipleLibraryHost) {
    this.subscription = host.onDidChange(() => {
      for (const uri of this.opened) this.changed.fire(vscode.Uri.parse(uri));
    });
  }

  static uriFor(principleId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PRINCIPLE_SCHEME, path: `/${principleId}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    this.opened.add(uri.toString());
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const principle = this.host.principle(id);
    return principle
      ? principleDocumentMarkdown(principle)
      : `# Unknown principle\n\nNo principle \`${id}\` in the current library.\n`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** "Explain principle": the rendered page in the Markdown preview. Resolves with the page's URI. */
export async function explainPrinciple(principleId: string): Promise<vscode.Uri> {
  const uri = PrincipleDocumentProvider.uriFor(principleId);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}
