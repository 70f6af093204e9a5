export interface Bar {
  label: string;
  value: number;
  /** Drawn as a whisker of ± this around the bar's end. */
  error?: number | null;
  n: number;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A horizontal bar chart on a 0–1 scale as inline SVG: presentation attributes only (no style element, no
 * script, no external reference), so it renders under the strictest Content-Security-Policy. The caption
 * names the judge model, since a score means little without it.
 */
export function barChartSvg(title: string, bars: readonly Bar[], caption: string): string {
  const labelWidth = 190;
  const plotWidth = 360;
  const rowHeight = 26;
  const top = 34;
  const height = top + bars.length * rowHeight + 40;
  const width = labelWidth + plotWidth + 200;
  const x = (v: number) => labelWidth + Math.max(0, Math.min(1, v)) * plotWidth;
  const rows = bars.map((bar, i) => {
    const y = top + i * rowHeight;
    const whisker =
      bar.error != null
        ? `<line x1="${x(bar.value - bar.error).toFixed(1)}" x2="${x(bar.value + bar.error).toFixed(1)}" y1="${y + 9}" y2="${y + 9}" stroke="#1f2937" stroke-width="1.5"/>`
        : '';
    return [
      `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end" font-size="12" fill="#111827">${escape(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${(x(bar.value) - labelWidth).toFixed(1)}" height="18" fill="#2563eb"><title>${escape(bar.label)}: ${bar.value.toFixed(3)} (n=${bar.n})</title></rect>`,
      whisker,
      `<text x="${x(1) + 8}" y="${y + 13}" font-size="12" fill="#111827">${bar.value.toFixed(3)}${bar.error != null ? ` ± ${bar.error.toFixed(3)}` : ''} (n=${bar.n})</text>`,
    ].join('');
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${x(t)}" x2="${x(t)}" y1="${top - 4}" y2="${top + bars.length * rowHeight}" stroke="#d1d5db"/><text x="${x(t)}" y="${top + bars.length * rowHeight + 14}" text-anchor="middle" font-size="10" fill="#4b5563">${t}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(title)}">`,
    `<text x="0" y="18" font-size="15" font-weight="bold" fill="#111827">${escape(title)}</text>`,
    ticks,
    ...rows,
    `<text x="0" y="${height - 6}" font-size="11" fill="#4b5563">${escape(caption)}</text>`,
    '</svg>',
  ].join('');
}
