/** The few ANSI styles the text report uses. */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
} as const;

export type Style = keyof typeof CODES;

export type Paint = (style: Style, text: string) => string;

export const plain: Paint = (_style, text) => text;

const ansi: Paint = (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;

/**
 * Colour or not, in the order other CLIs decide it: --color / --no-color; then FORCE_COLOR
 * (on unless "0" or "false"); then NO_COLOR (set and not empty: off); then whether the output
 * is a terminal that is not "dumb".
 */
export function choosePaint(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): Paint {
  const force = env.FORCE_COLOR;
  const on =
    flag ??
    (force !== undefined ? force !== '0' && force !== 'false' : env.NO_COLOR ? false : isTTY && env.TERM !== 'dumb');
  return on ? ansi : plain;
}
