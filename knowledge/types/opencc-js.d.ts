// opencc-js ships no type declarations; this is the part we use.
declare module 'opencc-js' {
  /** Returns a converter between Chinese variants, e.g. `{ from: 'hk', to: 'cn' }`. */
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
