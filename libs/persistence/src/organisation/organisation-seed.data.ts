/**
 * The organisation directory's seed: the five seed cities (南京, 南通, 连云港, 郴州, 呼和浩特), every district and
 * county with its 行政区划代码, the functional zones their plans name (管委会/板块, no code), the city bodies the
 * seed plans name with their short names and aliases, and the collectives (各区人民政府…). Loaded idempotently
 * after migrations (seed-organisation.ts); ids are derived from the keys below, so they are the same everywhere.
 */

export type SeedLevel = 'province' | 'city' | 'district' | 'county';
export type SeedUnitKind = 'department' | 'district_government' | 'collective' | 'management_committee' | 'party_body' | 'other';

export interface SeedDistrict {
  readonly name: string;
  readonly code: string;
  readonly level: 'district' | 'county';
  /** The name breakdown tables use for it (海安); default: the name without its suffix. */
  readonly region?: string;
  /** Abolished or renamed (ISO date of the last day), with the district that continues it. */
  readonly validTo?: string;
  readonly successor?: string;
}

export interface SeedUnit {
  /** Key inside the city (stable: the id derives from it). */
  readonly key: string;
  readonly kind: SeedUnitKind;
  readonly name: string;
  readonly shortName: string | null;
  readonly aliases: readonly string[];
  readonly region?: string;
  readonly validTo?: string;
  readonly successorKey?: string;
}

export interface SeedCity {
  readonly name: string;
  readonly code: string;
  readonly province: string;
  readonly districts: readonly SeedDistrict[];
  /** Bodies beyond the common departments. */
  readonly units: readonly SeedUnit[];
  /** Common departments this city names differently or lacks (key → null drops it). */
  readonly departmentOverrides?: Readonly<Record<string, SeedUnit | null>>;
}

export const SEED_PROVINCES: readonly { name: string; code: string; government: string; aliases: readonly string[] }[] = [
  { name: '江苏省', code: '320000', government: '江苏省人民政府', aliases: ['省政府', '江苏省政府'] },
  { name: '湖南省', code: '430000', government: '湖南省人民政府', aliases: ['湖南省政府'] },
  { name: '内蒙古自治区', code: '150000', government: '内蒙古自治区人民政府', aliases: ['自治区人民政府', '自治区政府'] },
];

/** Departments every seed city has, as `${city}${name}` with the usual short names and generic aliases. */
export function commonDepartments(city: string): SeedUnit[] {
  const d = (key: string, name: string, shortName: string, aliases: string[], kind: SeedUnitKind = 'department'): SeedUnit => ({ key, kind, name, shortName, aliases });
  return [
    d('government', `${city}人民政府`, '市政府', ['市人民政府', `${city}政府`], 'other'),
    d('government-office', `${city}人民政府办公室`, '市政府办', ['市政府办公室', '市府办', '市政府办公厅', `${city}人民政府办公厅`], 'other'),
    d('health', `${city}卫生健康委员会`, '市卫健委', ['市卫生健康委', '市卫生健康委员会', '卫生健康委', '卫健委', '卫生健康部门', '卫健部门', '卫生健康行政部门', `${city}卫健委`]),
    d('development', `${city}发展和改革委员会`, '市发改委', ['市发展改革委', '市发展和改革委员会', '发展改革委', '发改委', '发展改革部门', '发改部门']),
    d('finance', `${city}财政局`, '市财政局', ['财政局', '财政部门']),
    d('human-resources', `${city}人力资源和社会保障局`, '市人社局', ['市人力资源社会保障局', '市人力资源和社会保障局', '人社局', '人力资源社会保障部门', '人社部门']),
    d('medical-insurance', `${city}医疗保障局`, '市医保局', ['市医疗保障局', '医保局', '医疗保障部门', '医保部门']),
    d('civil-affairs', `${city}民政局`, '市民政局', ['民政局', '民政部门']),
    d('market-regulation', `${city}市场监督管理局`, '市市场监管局', ['市市场监督管理局', '市场监管局', '市场监管部门']),
    d('agriculture', `${city}农业农村局`, '市农业农村局', ['农业农村局', '农业农村部门']),
    d('staffing', `中共${city}委机构编制委员会办公室`, '市委编办', ['市编办', '编办', '市委机构编制委员会办公室', '机构编制部门', '编制部门'], 'party_body'),
  ];
}

const district = (name: string, code: string, extra: Partial<SeedDistrict> = {}): SeedDistrict => ({
  name,
  code,
  level: name.endsWith('区') ? 'district' : 'county',
  ...extra,
});

const zone = (key: string, name: string, shortName: string, region: string, aliases: string[]): SeedUnit => ({ key, kind: 'management_committee', name, shortName, region, aliases });

const collective = (key: string, name: string, aliases: string[]): SeedUnit => ({ key, kind: 'collective', name, shortName: null, aliases });

export const SEED_CITIES: readonly SeedCity[] = [
  {
    name: '南京市',
    code: '320100',
    province: '江苏省',
    districts: [
      district('玄武区', '320102'), district('秦淮区', '320104'), district('建邺区', '320105'), district('鼓楼区', '320106'),
      district('浦口区', '320111'), district('栖霞区', '320113'), district('雨花台区', '320114'), district('江宁区', '320115'),
      district('六合区', '320116'), district('溧水区', '320117'), district('高淳区', '320118'),
    ],
    units: [
      zone('jiangbei', '南京江北新区管理委员会', '江北新区管委会', '江北新区', ['江北新区', '江北新区管理委员会']),
      collective('districts', '各区人民政府', ['各区政府', '各区']),
      { key: 'building', kind: 'department', name: '南京市城乡建设委员会', shortName: '市建委', aliases: ['市城乡建设委员会', '城乡建设部门', '住房城乡建设部门'] },
      { key: 'planning', kind: 'department', name: '南京市规划和自然资源局', shortName: '市规划资源局', aliases: ['市规划和自然资源局', '规划资源局', '自然资源和规划部门'] },
      { key: 'data', kind: 'department', name: '南京市数据局', shortName: '市数据局', aliases: ['数据局', '数据部门'] },
      { key: 'social-work', kind: 'party_body', name: '中共南京市委社会工作部', shortName: '市委社会工作部', aliases: ['市委社工部', '社会工作部门'] },
      // 机构改革 2018–2019: the 卫计委 became the 卫健委; the old name resolves to the new body after that day
      // (the day is approximate: the reform took effect across cities early in 2019).
      { key: 'health-family-planning', kind: 'department', name: '南京市卫生和计划生育委员会', shortName: '市卫计委', aliases: ['市卫生计生委', '卫生计生部门'], validTo: '2018-12-31', successorKey: 'health' },
    ],
  },
  {
    name: '南通市',
    code: '320600',
    province: '江苏省',
    districts: [
      district('崇川区', '320602', { region: '崇川' }),
      district('港闸区', '320611', { validTo: '2020-07-21', successor: '崇川区' }),
      district('通州区', '320612', { region: '通州' }),
      district('海门区', '320614', { region: '海门' }),
      district('如东县', '320623'), district('启东市', '320681'), district('如皋市', '320682'), district('海安市', '320685'),
      district('海门市', '320684', { region: '海门', validTo: '2020-07-21', successor: '海门区' }),
    ],
    units: [
      zone('development-zone', '南通经济技术开发区管理委员会', '南通开发区管委会', '开发区', ['开发区', '南通开发区', '开发区管委会', '南通经济技术开发区']),
      zone('tongzhouwan', '通州湾江海联动开发示范区管理委员会', '通州湾示范区管委会', '通州湾', ['通州湾', '通州湾示范区']),
      zone('suxitong', '苏锡通科技产业园区管理委员会', '苏锡通园区管委会', '苏锡通', ['苏锡通', '苏锡通园区', '苏锡通科技产业园区']),
      collective('counties', '各县（市、区）政府（管委会）', ['各县（市、区）政府', '各县（市、区）人民政府', '各县（市、区）', '各地', '各县市区']),
    ],
  },
  {
    name: '连云港市',
    code: '320700',
    province: '江苏省',
    districts: [
      district('连云区', '320703'), district('海州区', '320706'), district('赣榆区', '320707'),
      district('东海县', '320722'), district('灌云县', '320723'), district('灌南县', '320724'),
    ],
    units: [
      zone('development-zone', '连云港经济技术开发区管理委员会', '连云港开发区管委会', '开发区', ['连云港开发区', '连云港经济技术开发区']),
      zone('xuwei', '连云港徐圩新区管理委员会', '徐圩新区管委会', '徐圩新区', ['徐圩新区']),
      zone('high-tech', '连云港高新技术产业开发区管理委员会', '连云港高新区管委会', '高新区', ['连云港高新区']),
      zone('yuntaishan', '云台山风景名胜区管理委员会', '云台山景区管委会', '云台山景区', ['云台山景区']),
      collective('counties', '各县区（板块）政府（管委会）', ['各县区政府', '各县区（板块）政府', '各县区', '各地']),
    ],
  },
  {
    name: '郴州市',
    code: '431000',
    province: '湖南省',
    districts: [
      district('北湖区', '431002'), district('苏仙区', '431003'), district('桂阳县', '431021'), district('宜章县', '431022'),
      district('永兴县', '431023'), district('嘉禾县', '431024'), district('临武县', '431025'), district('汝城县', '431026'),
      district('桂东县', '431027'), district('安仁县', '431028'), district('资兴市', '431081'),
    ],
    units: [
      collective('counties', '县市区人民政府', ['各县市区人民政府', '县市区政府', '各县市区政府', '各县市区', '各地']),
      { key: 'medical-reform', kind: 'other', name: '郴州市深化医药卫生体制改革领导小组办公室', shortName: '市医改办', aliases: ['医改办'] },
    ],
  },
  {
    // The 001 seed plan (旗县区, 市农牧业局, 全市五个旗县) names no city: 呼和浩特 is the one with five 旗县.
    name: '呼和浩特市',
    code: '150100',
    province: '内蒙古自治区',
    districts: [
      district('新城区', '150102'), district('回民区', '150103'), district('玉泉区', '150104'), district('赛罕区', '150105'),
      district('土默特左旗', '150121', { level: 'county', region: '土左旗' }), district('托克托县', '150122'), district('和林格尔县', '150123'),
      district('清水河县', '150124'), district('武川县', '150125'),
    ],
    units: [
      collective('counties', '旗县区人民政府', ['旗县区政府', '各旗县区政府', '各旗县区', '各地']),
      collective('party-committees', '旗县区党委', ['各旗县区党委']),
    ],
    departmentOverrides: {
      agriculture: { key: 'agriculture', kind: 'department', name: '呼和浩特市农牧局', shortName: '市农牧局', aliases: ['市农牧业局', '农牧业局', '农牧局', '农牧部门'] },
    },
  },
];

/** The seed plans whose text names no city: the jurisdiction the seed step confirms for them (as a coordinator would). */
export const SEED_PLAN_JURISDICTIONS: Readonly<Record<string, string>> = {
  '001_c0ed3052eda0fa1b.txt': '呼和浩特市',
};
