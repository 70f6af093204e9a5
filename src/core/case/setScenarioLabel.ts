import { isMap, isScalar, type Node } from 'yaml';
import { parseYaml } from '../yaml/parseYaml';
import type { ScenarioDimension } from '../principles/scenarioLabels';
import { parseCase } from './parseCase';
import { setFrontMatterField, type FrontMatterEdit } from './writeFrontMatter';

/**
 * Sets `scenario.<dimension>: <label>` in a case's front matter, touching only that line: an existing label's
 * value is replaced in place (its comment stays), a missing one is added under `scenario:` with the same
 * indentation. Without a block `scenario:` map, the key is written whole by `setFrontMatterField`.
 */
export function setScenarioLabel(documentText: string, dimension: ScenarioDimension, label: string): FrontMatterEdit {
  const { frontMatter } = parseCase(documentText);
  const yamlText = frontMatter ? documentText.slice(frontMatter.start, frontMatter.end) : '';
  const current = frontMatter ? currentScenario(yamlText) : undefined;
  const scenario = isMap(current) && !current.flow && current.items.length > 0 ? current : undefined;
  if (!frontMatter || !scenario) {
    const labels = isMap(current) ? (current.toJSON() as Record<string, unknown>) : {};
    return setFrontMatterField(documentText, 'scenario', { ...labels, [dimension]: label });
  }

  const existing = scenario.items.find((pair) => isScalar(pair.key) && pair.key.value === dimension);
  const value = existing?.value as Node | null | undefined;
  if (existing && isScalar(value) && value.value !== null && value.range) {
    return splice(documentText, frontMatter.start + value.range[0], frontMatter.start + value.range[1], label);
  }
  if (existing && (value === null || (isScalar(value) && value.value === null))) {
    // `urgency:` with no value: the label goes right after the colon, before any comment.
    const colon = yamlText.indexOf(':', (existing.key as Node).range![1]);
    return splice(documentText, frontMatter.start + colon + 1, frontMatter.start + colon + 1, ` ${label}`);
  }
  if (existing)
    return setFrontMatterField(documentText, 'scenario', { ...(scenario.toJSON() as object), [dimension]: label });
  const firstKey = scenario.items[0]!.key as Node;
  const firstLineStart = yamlText.lastIndexOf('\n', firstKey.range![0] - 1) + 1;
  const indent = yamlText.slice(firstLineStart, firstKey.range![0]);
  const last = scenario.items[scenario.items.length - 1]!;
  const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
  const newline = yamlText.indexOf('\n', Math.max(lastEnd - 1, 0));
  const eol = /\r\n/.test(documentText) ? '\r\n' : '\n';
  const at = newline < 0 ? yamlText.length : newline + 1;
  const prefix = newline < 0 ? eol : '';
  return splice(
    documentText,
    frontMatter.start + at,
    frontMatter.start + at,
    `${prefix}${indent}${dimension}: ${label}${eol}`,
  );
}

/** The `scenario:` node of the front matter, if it parses. */
function currentScenario(yamlText: string): unknown {
  const document = parseYaml(yamlText);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  return document.get('scenario', true);
}

function splice(text: string, start: number, end: number, newText: string): FrontMatterEdit {
  return { text: text.slice(0, start) + newText + text.slice(end), start, end, newText };
}
