/**
 * Messages are written with light Markdown (`**Status**`, `` `- **PR**: #1234` ``) that the CLI and hovers show
 * as they are. Editors show diagnostic messages as plain text: this renders a message for them.
 */

/**
 * A message as plain text: a code span becomes its text in double quotes (kept verbatim: it is what the
 * author should write), and emphasis marks outside code are dropped. Linear in the message's length.
 */
export function plainMessage(message: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const tick = message.indexOf('`', i);
    const prose = tick === -1 ? message.slice(i) : message.slice(i, tick);
    out += prose.replace(/\*\*|__/g, '');
    if (tick === -1) break;
    const close = message.indexOf('`', tick + 1);
    if (close === -1) {
      out += message.slice(tick + 1);
      break;
    }
    const code = message.slice(tick + 1, close);
    // `"x"` already carries its quotes.
    out += /^".*"$/.test(code) ? code : `"${code}"`;
    i = close + 1;
  }
  return out.replace(/""([^"]+)""/g, '"$1"');
}
