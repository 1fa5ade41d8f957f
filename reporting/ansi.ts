/** ANSI styles for the console, or plain text when color is off. */
export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const style =
  (on: string, off: string) =>
  (text: string): string =>
    `\u001b[${on}m${text}\u001b[${off}m`;

const plain = (text: string): string => text;

export function paint(color: boolean | undefined): Paint {
  if (color !== true) return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
  return {
    red: style('31', '39'),
    green: style('32', '39'),
    yellow: style('33', '39'),
    dim: style('2', '22'),
    bold: style('1', '22'),
  };
}
