/**
 * Text as it may reach a terminal. Case files, principle files, file names and model replies can hold control
 * characters and escape sequences that retitle the window, rewrite or hide earlier lines, or worse; the CLI
 * prints none of them. Kept: line feeds and tabs.
 */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(C1_CONTROL_SEQUENCE, '').replace(CONTROL_CHARACTER, '');
}

// ESC and what follows it: CSI (`ESC [ … final`), OSC/DCS/SOS/PM/APC strings up to BEL or ST (or the end
// of the text), and the two-character escapes.
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~]?)/g;
// The 8-bit CSI (U+009B) with its parameters; other C1 characters go with the control characters.
const C1_CONTROL_SEQUENCE = /\x9b[0-?]*[ -/]*[@-~]?/g;
// C0 but \t and \n, DEL, C1.
const CONTROL_CHARACTER = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
