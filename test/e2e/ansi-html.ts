// Renders the CLI's coloured output (SGR escapes: bold, dim, underline, 8 colours) as HTML for a screenshot.

const COLOURS: Record<number, string> = {
  30: '#545454',
  31: '#f14c4c',
  32: '#23d18b',
  33: '#f5f543',
  34: '#3b8eea',
  35: '#d670d6',
  36: '#29b8db',
  37: '#e5e5e5',
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One `<span>` per run of text with its style; unknown escapes are dropped. */
export function ansiToHtml(text: string): string {
  const state = { bold: false, dim: false, underline: false, colour: undefined as string | undefined };
  let html = '';
  for (const part of text.split(/(\x1b\[[0-9;]*m)/)) {
    const sgr = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (!sgr) {
      if (!part) continue;
      const style = [
        state.bold ? 'font-weight:bold' : '',
        state.dim ? 'opacity:0.6' : '',
        state.underline ? 'text-decoration:underline' : '',
        state.colour ? `color:${state.colour}` : '',
      ]
        .filter(Boolean)
        .join(';');
      html += style ? `<span style="${style}">${escapeHtml(part)}</span>` : escapeHtml(part);
      continue;
    }
    for (const code of (sgr[1] || '0').split(';').map(Number)) {
      if (code === 0) Object.assign(state, { bold: false, dim: false, underline: false, colour: undefined });
      else if (code === 1) state.bold = true;
      else if (code === 2) state.dim = true;
      else if (code === 22) state.bold = state.dim = false;
      else if (code === 4) state.underline = true;
      else if (code === 24) state.underline = false;
      else if (code === 39) state.colour = undefined;
      else if (COLOURS[code]) state.colour = COLOURS[code];
    }
  }
  return html;
}

/** A terminal-like page holding `ansi`, with the command line that produced it. */
export function terminalPage(command: string, ansi: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #1e1e1e; }
    pre { margin: 0; padding: 16px 20px; color: #cccccc; font: 13px/1.45 'DejaVu Sans Mono', 'Liberation Mono', monospace; white-space: pre-wrap; word-break: break-word; }
    .prompt { color: #23d18b; }
  </style></head><body><pre id="term"><span class="prompt">$</span> ${escapeHtml(command)}\n${ansiToHtml(ansi)}</pre></body></html>`;
}
