import Table from 'cli-table3';

/**
 * Colour only for a person at a terminal: never in a pipe or a file (no ANSI codes
 * in `duban … | grep`), never with NO_COLOR set; FORCE_COLOR forces it.
 */
export function colourEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** A cli-table3 table, coloured only when colourEnabled(). */
export function newTable(options: Table.TableConstructorOptions): Table.Table {
  return new Table(colourEnabled() ? options : { ...options, style: { ...options.style, head: [], border: [] } });
}
