import { colourEnabled, newTable } from './table';

describe('CLI colour', () => {
  it('colours a terminal only, and honours NO_COLOR and FORCE_COLOR', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({}, {})).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '0' })).toBe(false);
  });

  it('writes no ANSI escape codes into a pipe', () => {
    const saved = { tty: process.stdout.isTTY, force: process.env.FORCE_COLOR };
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    delete process.env.FORCE_COLOR;
    try {
      const table = newTable({ head: ['状态', '灯'] });
      table.push(['办理中', '红灯']);
      const text = table.toString();
      expect(text).toContain('办理中');
      expect(text).not.toMatch(/\u001b\[/);
    } finally {
      Object.defineProperty(process.stdout, 'isTTY', { value: saved.tty, configurable: true });
      if (saved.force !== undefined) process.env.FORCE_COLOR = saved.force;
    }
  });
});
