import { UnitDirectory, UnitEntry } from './types';

/**
 * Built-in generic directory: city-level departments under their common names.
 * Names use the bare level prefix 市; resolveUnit maps 南京市…/本市… onto it, and
 * the body-only aliases (卫健部门, 卫生健康部门) cover sentences without a place.
 * City files in seeds/directories add local names, aliases and districts.
 */
type Row = [id: string, name: string, aliases: string[]];

const DEPARTMENTS: Row[] = [
  ['health', '市卫生健康委', ['市卫健委', '市卫生健康委员会', '市卫生健康局', '市卫健局', '卫生健康部门', '卫健部门', '卫生健康行政部门', '卫生健康委', '卫健委']],
  ['ndrc', '市发展改革委', ['市发改委', '市发展和改革委员会', '市发展改革局', '市发改局', '市发展和改革局', '发展改革部门', '发改部门', '发展改革委', '发改委']],
  ['finance', '市财政局', ['财政部门', '财政局']],
  ['hrss', '市人社局', ['市人力资源社会保障局', '市人力资源和社会保障局', '人力资源社会保障部门', '人社部门', '人社局', '市人力资源和社会保障部门']],
  ['medinsure', '市医保局', ['市医疗保障局', '医疗保障部门', '医保部门', '医保局']],
  ['staffing', '市委编办', ['市编办', '市委机构编制委员会办公室', '机构编制部门', '编制部门', '编办']],
  ['civil', '市民政局', ['民政部门', '民政局']],
  ['education', '市教育局', ['教育部门', '教育局', '市教育体育局', '市教体局']],
  ['police', '市公安局', ['公安部门', '公安局', '公安机关']],
  ['justice', '市司法局', ['司法行政部门', '司法局']],
  ['nature', '市自然资源和规划局', ['市规划资源局', '市自然资源局', '自然资源部门', '自然资源和规划部门', '规划资源部门', '规划资源局', '自然资源局']],
  ['ecology', '市生态环境局', ['生态环境部门', '生态环境局']],
  ['housing', '市住房城乡建设局', ['市住建局', '市建设局', '市建委', '市城乡建设委员会', '市住房和城乡建设局', '住房城乡建设部门', '住建部门', '住建局', '建委']],
  ['transport', '市交通运输局', ['交通运输部门', '交通运输局', '市交通局']],
  ['water', '市水利局', ['水利部门', '水利局', '市水务局']],
  ['agri', '市农业农村局', ['农业农村部门', '农业农村局', '市农牧业局', '农牧部门', '市农业局']],
  ['commerce', '市商务局', ['商务部门', '商务局']],
  ['culture', '市文化广电和旅游局', ['市文旅局', '市文化和旅游局', '文化旅游部门', '文旅部门']],
  ['emergency', '市应急管理局', ['市应急局', '应急管理部门', '应急部门']],
  ['audit', '市审计局', ['审计部门', '审计局']],
  ['market', '市市场监管局', ['市市场监督管理局', '市场监管部门', '市场监督管理部门', '市场监管局']],
  ['stats', '市统计局', ['统计部门', '统计局']],
  ['data', '市数据局', ['市大数据局', '市大数据管理局', '市数据资源局', '数据部门', '数据局']],
  ['industry', '市工业和信息化局', ['市工信局', '市经信局', '市经济和信息化局', '经信部门', '工业和信息化部门', '工信部门']],
  ['science', '市科技局', ['市科学技术局', '科技部门', '科技局']],
  ['veterans', '市退役军人事务局', ['退役军人事务部门']],
  ['sports', '市体育局', ['体育部门']],
  ['forestry', '市林业局', ['林业部门', '市林草局']],
  ['rural', '市乡村振兴局', ['乡村振兴部门']],
  ['cdc', '市疾控局', ['市疾病预防控制局', '疾控部门', '疾控主管部门']],
  ['tcm', '市中医药管理局', ['中医药主管部门', '中医药部门']],
  ['drug', '市药监局', ['药品监管部门', '药品监督管理部门']],
  ['urban', '市城市管理局', ['市城管局', '市综合执法局', '市综合行政执法局', '市城市管理行政执法局', '城市管理部门', '城管部门', '综合执法部门']],
  ['tax', '市税务局', ['税务部门']],
  ['medreform', '市医改办', ['医改办', '市深化医药卫生体制改革领导小组办公室']],
  ['social-work', '市委社会工作部', ['市委社工部', '社会工作部门']],
  ['organization', '市委组织部', ['组织部门']],
  ['propaganda', '市委宣传部', ['宣传部门']],
  ['disabled', '市残联', ['市残疾人联合会', '残联']],
  ['women', '市妇联', ['市妇女联合会', '妇联']],
  ['gov-office', '市政府办公室', ['市政府办', '市人民政府办公室', '市政府办公厅', '市人民政府办公厅']],
];

export const DEFAULT_UNITS: UnitEntry[] = DEPARTMENTS.map(([id, name, aliases]) => ({ id, name, aliases, kind: 'department' }));

export const DEFAULT_DIRECTORY: UnitDirectory = {
  city: null,
  aliases: {},
  units: DEFAULT_UNITS,
  districts: [],
};

/** Department stems used to spot "X部门" actors in sentences (医保、卫健部门). */
export const DEPARTMENT_STEMS: string[] = Array.from(
  new Set(
    DEPARTMENTS.flatMap(([, , aliases]) => aliases)
      .filter((a) => a.endsWith('部门') && !a.startsWith('市'))
      .map((a) => a.replace(/(?:行政|主管)?部门$/, ''))
      .concat(['卫生', '医疗', '医药', '编制', '发改', '人社', '医保', '卫健', '药监', '疾控', '财政']),
  ),
).sort((a, b) => b.length - a.length);
