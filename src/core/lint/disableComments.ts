/**
 * `<!-- clinalign-disable [ids…] -->`, `<!-- clinalign-enable [ids…] -->`,
 * `<!-- clinalign-disable-next-line [ids…] -->` and `<!-- clinalign-disable-line [ids…] -->`,
 * as in markdownlint: no ids means every principle.
 */
const DIRECTIVE = /<!--\s*clinalign-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

type Scope = 'all' | Set<string>;

interface Toggle {
  offset: number;
  enable: boolean;
  scope: Scope;
}

interface LineRule {
  start: number;
  end: number;
  scope: Scope;
}

export type SilenceCheck = (principleId: string, offset: number) => boolean;

const NOTHING_SILENCED: SilenceCheck = () => false;

export function parseDisableComments(text: string): SilenceCheck {
  if (!text.includes('clinalign-')) return NOTHING_SILENCED;
  const toggles: Toggle[] = [];
  const lineRules: LineRule[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
    const scope: Scope = ids.length === 0 ? 'all' : new Set(ids);
    const kind = m[1]!;
    if (kind === 'disable' || kind === 'enable') {
      toggles.push({ offset: m.index, enable: kind === 'enable', scope });
    } else {
      const commentLine = lineAt(text, m.index);
      const line = kind === 'disable-line' ? commentLine : lineAt(text, commentLine.end + 1);
      lineRules.push({ start: line.start, end: line.end, scope });
    }
  }
  return (principleId, offset) => {
    for (const rule of lineRules) {
      if (offset >= rule.start && offset <= rule.end && inScope(rule.scope, principleId)) return true;
    }
    let silenced = false;
    for (const toggle of toggles) {
      if (toggle.offset > offset) break;
      if (inScope(toggle.scope, principleId)) silenced = !toggle.enable;
    }
    return silenced;
  };
}

function inScope(scope: Scope, principleId: string): boolean {
  return scope === 'all' || scope.has(principleId);
}

function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline === -1 ? text.length : newline };
}
