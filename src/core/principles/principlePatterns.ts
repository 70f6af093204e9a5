/** Every regular expression a set of parsed principles carries (detectors, matchers, conditions). */
export function principlePatterns(principles: readonly unknown[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'patterns' && Array.isArray(child)) child.forEach((p) => typeof p === 'string' && found.add(p));
        else walk(child);
      }
    }
  };
  walk(principles);
  return [...found];
}
