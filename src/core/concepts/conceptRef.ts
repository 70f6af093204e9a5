/** True when a concept reference (`redflag.stroke`, `redflag.*`, `medicine.anti*`) selects the id. */
export function refMatches(ref: string, id: string): boolean {
  return ref.endsWith('*') ? id.startsWith(ref.slice(0, -1)) : ref === id;
}
