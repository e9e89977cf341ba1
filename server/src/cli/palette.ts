/** Text styles for the terminal report; every style is the identity when colour is off. */
export interface Palette {
  heading: (text: string) => string;
  speaker: (text: string) => string;
  outlet: (text: string) => string;
  quote: (text: string) => string;
  cue: (text: string) => string;
  dim: (text: string) => string;
  error: (text: string) => string;
}

/** Colour only for a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org). */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export function createPalette(colour: boolean): Palette {
  const sgr = (open: number, close: number) => (text: string) =>
    colour ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    heading: sgr(1, 22),
    speaker: sgr(36, 39),
    outlet: sgr(35, 39),
    quote: sgr(32, 39),
    cue: sgr(33, 39),
    dim: sgr(2, 22),
    error: sgr(31, 39),
  };
}
