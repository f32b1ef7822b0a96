/**
 * What a coordinator decided about the seed plans the publish gate refuses as imported (local demo only, never
 * a migration). Each decision is one an ordinary coordinator could take in the draft editor (PATCH of a task's
 * units), grounded in the document's own words and logged in Chinese when the seed applies it. Nothing here
 * invents a body: a unit is removed, or replaced by existing directory bodies the document's own wording
 * designates, or named where the document itself says who leads.
 */
export type SeedDecision =
  | {
      /** Take a name off the tasks that propose it, keeping the task's other units (and its lead when it stays). */
      readonly kind: 'remove_unit';
      readonly unit: string;
      readonly reason: string;
    }
  | {
      /** Put named directory bodies in place of a printed name on the tasks that print it (this plan only, no alias learned). */
      readonly kind: 'replace_unit';
      readonly unit: string;
      readonly by: readonly string[];
      readonly reason: string;
    }
  | {
      /** Give the tasks the plan leaves without any unit this lead unit (as the document's own words say). */
      readonly kind: 'lead_for_unassigned';
      readonly unit: string;
      readonly reason: string;
    };

/** By seed document name. */
export const SEED_DECISIONS: Readonly<Record<string, readonly SeedDecision[]>> = {
  // 南通: 任务19 cites 中共江苏省委、江苏省人民政府《关于完善重大疫情防控体制机制健全公共卫生应急管理体系的意见》.
  '000_4299291a12d9de5d.txt': [
    {
      kind: 'remove_unit',
      unit: '江苏省人民政府',
      reason: '任务原文只是引用江苏省人民政府（与省委联合）印发的文件，省政府是文件制发机关，不是南通市方案的责任单位，故从该任务的拟定责任单位中移除',
    },
  ],
  // 连云港: 任务5 gives 城市医联体 to "城区"; seven tasks print no unit; the 保障措施 section says who leads the reform.
  '004_49691a3758a8940d.txt': [
    {
      kind: 'replace_unit',
      unit: '城区',
      by: ['海州区人民政府', '连云区人民政府'],
      reason:
        '“城区”不是一个单位：连云港市辖海州区、连云区、赣榆区三个区，本方案把赣榆区与各县并列（任务4“各县（赣榆区）”），与之相对的“城区”即海州区、连云区，故由两区人民政府承担（仅本方案，不作为别名学习）',
    },
    {
      kind: 'lead_for_unassigned',
      unit: '卫健部门',
      reason: '方案“保障措施”规定“各级卫生健康部门要积极发挥牵头统筹协调作用”，未写明责任单位的任务由卫生健康部门牵头',
    },
  ],
};
