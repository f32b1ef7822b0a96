import type { Command } from 'commander';
import { parseCliActor } from '../cli-actor';
import { withServices } from '../services-context';

/** `duban jurisdictions list`, `duban units list|show|add|alias`: the organisation directory from the server. */
export function registerUnitCommands(program: Command): void {
  const jurisdictions = program.command('jurisdictions').description('jurisdictions of the organisation directory');
  jurisdictions
    .command('list')
    .description('list jurisdictions (city, districts, counties) with their 行政区划 codes')
    .option('--level <level>', 'province, city, district or county')
    .option('--format <format>', 'json or table', 'table')
    .action(async (options: { level?: string; format: string }) => {
      await withServices(async (app) => {
        const { OrganisationService } = await import('@duban/services');
        const items = await app.get(OrganisationService).jurisdictions(options.level ? { level: options.level } : {});
        if (options.format === 'json') return void console.log(JSON.stringify(items, null, 2));
        for (const item of items) console.log(`${item.id}  ${(item.code ?? '—').padEnd(6)}  ${item.level.padEnd(8)}  ${item.name}`);
      });
    });

  const units = program.command('units').description('units of the organisation directory');
  units
    .command('list')
    .description('list units: --jurisdiction (with its districts), --text (any alias), --kind')
    .option('--jurisdiction <id>', 'a jurisdiction id')
    .option('--text <text>', 'matches the name, short name or an alias')
    .option('--kind <kind>', 'department, district_government, collective, management_committee, party_body or other')
    .option('--format <format>', 'json or table', 'table')
    .action(async (options: { jurisdiction?: string; text?: string; kind?: string; format: string }) => {
      await withServices(async (app) => {
        const { OrganisationService } = await import('@duban/services');
        const items = await app.get(OrganisationService).units({
          ...(options.jurisdiction ? { jurisdictionId: options.jurisdiction } : {}),
          ...(options.text ? { text: options.text } : {}),
          ...(options.kind ? { kind: options.kind as never } : {}),
        });
        if (options.format === 'json') return void console.log(JSON.stringify(items, null, 2));
        for (const item of items) console.log(`${item.id}  ${item.jurisdictionName}  ${item.kindLabel}  ${item.shortName ?? item.name}（${item.name}）${item.flagged ? '  [待核实]' : ''}`);
      });
    });

  units
    .command('show <unitId>')
    .description('one unit with its aliases and validity')
    .action(async (unitId: string) => {
      await withServices(async (app) => {
        const { OrganisationService } = await import('@duban/services');
        console.log(JSON.stringify(await app.get(OrganisationService).unit(unitId), null, 2));
      });
    });

  units
    .command('add <name>')
    .description('create a unit in a jurisdiction')
    .requiredOption('--jurisdiction <id>', 'the jurisdiction id')
    .requiredOption('--kind <kind>', 'department, district_government, collective, management_committee, party_body or other')
    .option('--short <shortName>', 'the short display name (市卫健委)')
    .option('--alias <alias...>', 'other names it goes by')
    .option('--as <actor>', 'act as role[:units]', 'admin')
    .action(async (name: string, options: { jurisdiction: string; kind: string; short?: string; alias?: string[]; as: string }) => {
      await withServices(async (app) => {
        const { OrganisationService } = await import('@duban/services');
        const unit = await app.get(OrganisationService).createUnit(parseCliActor(options.as), {
          name,
          kind: options.kind as never,
          jurisdictionId: options.jurisdiction,
          ...(options.short ? { shortName: options.short } : {}),
          ...(options.alias ? { aliases: options.alias } : {}),
        });
        console.log(`已建立单位：${unit.id}  ${unit.shortName ?? unit.name}`);
      });
    });

  units
    .command('alias <unitId> <alias>')
    .description('add an alias to a unit (in its own jurisdiction)')
    .option('--as <actor>', 'act as role[:units]', 'admin')
    .action(async (unitId: string, alias: string, options: { as: string }) => {
      await withServices(async (app) => {
        const { OrganisationService } = await import('@duban/services');
        await app.get(OrganisationService).addAlias(parseCliActor(options.as), unitId, alias);
        console.log(`已添加别名：${alias}`);
      });
    });
}
