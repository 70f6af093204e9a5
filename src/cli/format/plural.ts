/** `1 error`, `2 errors`, `0 notes`: a count with its noun in agreement. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
